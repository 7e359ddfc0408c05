package org.baiti.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The usage help of every command in this machine's language ({@link CliMessages}): the description of command
 * {@code draw verify} is {@code cli.draw.verify.description}, the options' and parameters' texts are their
 * {@code descriptionKey}s, the headings {@code cli.usage.*}. Set on each command with
 * {@code @Command(modelTransformer = CliHelp.class)}, so a command reads the same however it is started.
 */
class CliHelp implements CommandLine.IModelTransformer {

    /** Picocli's own keys, and the {@code cli.} keys they are read from. */
    private static final Map<String, String> PICOCLI_KEYS = Map.of(
            "usage.synopsisHeading", "cli.usage.synopsisHeading",
            "usage.commandListHeading", "cli.usage.commandListHeading",
            "usage.synopsisSubcommandLabel", "cli.usage.synopsisSubcommandLabel",
            "mixinStandardHelpOptions.help", "cli.option.help",
            "mixinStandardHelpOptions.version", "cli.option.version");

    @Override
    public CommandSpec transform(CommandSpec spec) {
        return spec.resourceBundle(new Words(CliMessages.bundle(CliMessages.locale()), id(spec.userObject().getClass())));
    }

    /** {@code draw.verify} for the class of {@code draw verify}: the names of the command and the ones it is nested in. */
    static String id(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        Class<?> outer = type.getEnclosingClass();
        String prefix = outer != null && outer.isAnnotationPresent(Command.class) ? id(outer) + "." : "";
        return prefix + command.name();
    }

    /** The bundle as picocli reads it for one command. */
    private static final class Words extends ResourceBundle {

        private final ResourceBundle messages;
        private final String description;

        Words(ResourceBundle messages, String id) {
            this.messages = messages;
            this.description = "cli." + id + ".description";
        }

        private String source(String key) {
            if (key.equals("usage.description")) {
                return description;
            }
            return PICOCLI_KEYS.getOrDefault(key, key.startsWith("cli.") ? key : null);
        }

        @Override
        protected Object handleGetObject(String key) {
            String source = source(key);
            return source != null && messages.containsKey(source) ? messages.getString(source) : null;
        }

        @Override
        public Enumeration<String> getKeys() {
            Set<String> keys = new LinkedHashSet<>();
            for (String k : Collections.list(messages.getKeys())) {
                if (k.startsWith("cli.")) {
                    keys.add(k);
                }
            }
            PICOCLI_KEYS.forEach((picocli, source) -> {
                if (messages.containsKey(source)) {
                    keys.add(picocli);
                }
            });
            if (messages.containsKey(description)) {
                keys.add("usage.description");
            }
            return Collections.enumeration(keys);
        }

        @Override
        public Locale getLocale() {
            return messages.getLocale();
        }
    }
}
