package org.baiti.web;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.baiti.refusal.Refusal;
import org.baiti.settings.SiteSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links that leave the site (QR codes, posters, certificates, the stage screen's record link): built from
 * {@code baiti.public-url} when it is set, never from a {@code Host} header the client chose. Without the setting the
 * request's own address is used only when it names this machine (localhost, a loopback or interface address, the
 * host name), so a forged {@code Host} can't put another site on a big screen or in a cached QR code.
 */
@Component
public class PublicLinks {

    private final String configured;
    private final Set<String> ownNames;

    PublicLinks(SiteSettings site) {
        String url = site.publicUrl().strip();
        this.configured = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.ownNames = ownNames();
    }

    /** Whether the links come from the configuration (and so may be cached publicly). */
    public boolean configured() {
        return !configured.isEmpty();
    }

    /** The site's base address without a trailing slash, e.g. {@code https://dati.example.gov.cn}. */
    public String base(HttpServletRequest request) {
        if (configured()) {
            return configured;
        }
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!ownNames.contains(host)) {
            throw Refusal.invalid("unknown_host", "error.unknown_host");
        }
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    /** An absolute link to a path of the site ({@code /c/12}). */
    public String of(HttpServletRequest request, String path) {
        return base(request) + path;
    }

    private static Set<String> ownNames() {
        Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1"));
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
            names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException ignored) {
            // only the loopback names then
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    String text = a.getHostAddress();
                    int zone = text.indexOf('%');
                    names.add((zone < 0 ? text : text.substring(0, zone)).toLowerCase(Locale.ROOT));
                }
            }
        } catch (SocketException ignored) {
            // only the loopback names then
        }
        return Set.copyOf(names);
    }
}
