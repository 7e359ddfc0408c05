package org.baiti.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import picocli.CommandLine;

/** Entry point of the jar: picocli subcommands ({@code serve}, {@code draw verify}, ...). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        boolean utf8 = !canShowChinese(Charset.defaultCharset());
        if (utf8) {
            // A machine without a UTF-8 locale (LANG unset, or C) would print the Chinese messages as "???": its
            // terminal shows UTF-8 in practice, so write that. A GBK or UTF-8 machine keeps its own encoding.
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        }
        CommandLine cli = commandLine();
        if (utf8) {
            cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
            cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        }
        int code = cli.execute(args);
        if (code != 0 || !ServeCommand.serving()) {
            System.exit(code);
        }
    }

    /** The {@code baiti} command with its subcommands; picocli's own refusals worded in the machine's language. */
    static CommandLine commandLine() {
        return new CommandLine(new BaitiCommand()).setParameterExceptionHandler(Main::refused);
    }

    /**
     * A command line picocli cannot take (a missing argument, one too many, an unknown option): what is wrong in the
     * machine's language, then the command's usage, exit 2. The commands' own refusals are worded already.
     */
    static int refused(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String why = e.getMessage();
        if (e instanceof CommandLine.MissingParameterException missing) {
            why = CliMessages.text("cli.error.missing", missing.getMissing().stream()
                    .map(a -> a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel())
                    .collect(Collectors.joining(", ")));
        } else if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            why = CliMessages.text("cli.error.unmatched", String.join(" ", unmatched.getUnmatched()));
        }
        err.println(why);
        cmd.usage(err);
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Whether text in {@code charset} can hold the command line's Chinese messages. */
    static boolean canShowChinese(Charset charset) {
        return charset.newEncoder().canEncode("中文：，");
    }
}
