package org.baiti.cli;

import java.util.ArrayList;
import java.util.List;

import org.baiti.Application;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application without its web server, for the commands that work on the database directly. */
final class CliContext {

    /** What every such command sets unless its arguments say otherwise: no demo, no first administrator, quiet logs. */
    private static final List<String> DEFAULTS =
            List.of("baiti.demo=false", "baiti.first-admin=false", "logging.level.root=WARN");

    private CliContext() {
    }

    /**
     * Starts the application on the command's Spring arguments ({@code --spring.datasource.url=…},
     * {@code --baiti.data-dir=…}) with {@link #DEFAULTS} and {@code settings} ({@code name=value}), each unless the
     * arguments give it (a property given twice would read as both values).
     *
     * @throws RuntimeException when it cannot start (no database there, a setting refused)
     */
    static ConfigurableApplicationContext start(List<String> springArgs, String... settings) {
        List<String> args = new ArrayList<>(springArgs);
        List<String> defaults = new ArrayList<>(DEFAULTS);
        defaults.addAll(List.of(settings));
        for (String setting : defaults) {
            String name = "--" + setting.substring(0, setting.indexOf('=') + 1);
            if (args.stream().noneMatch(a -> a.startsWith(name))) {
                args.add("--" + setting);
            }
        }
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }
}
