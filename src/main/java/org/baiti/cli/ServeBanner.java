package org.baiti.cli;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.security.FirstAdminPassword;
import org.baiti.settings.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code serve}: once the port is open, a short banner with where to go — the contests open now (on a fresh clone,
 * the demo), the staff pages and how to log in. Every figure in it is read from the running application: the port
 * the server really listens on, the contests in the database. In the machine's language ({@link CliMessages#locale()}).
 */
@Component
class ServeBanner {

    private static final Logger log = LoggerFactory.getLogger(ServeBanner.class);
    private static final int MAX_CONTESTS = 3;

    private final Contesting contesting;
    private final FirstAdminPassword firstAdmin;
    private final MessageSource messages;
    private final Clock clock;
    private final String publicUrl;
    private final InetAddress address;

    ServeBanner(Contesting contesting, FirstAdminPassword firstAdmin, MessageSource messages, Clock clock,
                SiteSettings site, ObjectProvider<ServerProperties> server) {
        this.contesting = contesting;
        this.firstAdmin = firstAdmin;
        this.messages = messages;
        this.clock = clock;
        this.publicUrl = site.publicUrl().strip();
        ServerProperties properties = server.getIfAvailable();
        this.address = properties == null ? null : properties.getAddress();
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (ServeCommand.serving() && event.getApplicationContext() instanceof WebServerApplicationContext web) {
            log.info(text(web.getWebServer().getPort(), CliMessages.locale()));
        }
    }

    /** The banner for a server listening on {@code port}. */
    String text(int port, Locale locale) {
        String base = base(port);
        List<String> lines = new ArrayList<>();
        lines.add(msg(locale, "ops.banner.ready", base + "/"));
        List<Contest> open = contesting.all().stream().filter(c -> c.isOpenAt(clock.instant())).limit(MAX_CONTESTS).toList();
        if (open.isEmpty()) {
            lines.add(msg(locale, "ops.banner.noContest"));
        }
        for (Contest c : open) {
            lines.add(msg(locale, "ops.banner.participants", base + "/c/" + c.id(), c.name()));
        }
        lines.add(msg(locale, "ops.banner.staff", base + "/admin"));
        lines.add("  " + switch (firstAdmin.created()) {
            case GENERATED -> msg(locale, "ops.banner.password.generated", firstAdmin.generated().orElse(""));
            case FROM_ENVIRONMENT -> msg(locale, "ops.banner.password.environment");
            case NOT_NOW -> msg(locale, "ops.banner.password.existing");
        });
        lines.add(msg(locale, "ops.banner.stop"));
        String rule = "=".repeat(66);
        StringBuilder sb = new StringBuilder("\n").append(rule).append('\n');
        for (String l : lines) {
            sb.append("  ").append(l).append('\n');
        }
        return sb.append(rule).toString();
    }

    private String base(int port) {
        if (!publicUrl.isBlank()) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        String host = address == null || address.isAnyLocalAddress() ? "localhost"
                : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return "http://" + host + ":" + port;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
