package org.baiti.cli;

import picocli.CommandLine;

/** Entry point of the jar: picocli subcommands ({@code serve}, {@code draw verify}, ...). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new BaitiCommand()).execute(args);
        if (code != 0 || !ServeCommand.serving()) {
            System.exit(code);
        }
    }
}
