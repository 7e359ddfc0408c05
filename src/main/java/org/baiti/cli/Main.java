package org.baiti.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

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
        CommandLine cli = new CommandLine(new BaitiCommand());
        if (utf8) {
            cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
            cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        }
        int code = cli.execute(args);
        if (code != 0 || !ServeCommand.serving()) {
            System.exit(code);
        }
    }

    /** Whether text in {@code charset} can hold the command line's Chinese messages. */
    static boolean canShowChinese(Charset charset) {
        return charset.newEncoder().canEncode("中文：，");
    }
}
