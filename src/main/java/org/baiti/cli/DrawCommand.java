package org.baiti.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.baiti.verify.VerifyDraw;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code draw}: commands about public draws; {@code draw verify FILE} checks a published draw record offline. */
@Command(name = "draw", mixinStandardHelpOptions = true, modelTransformer = CliHelp.class,
        versionProvider = CliVersion.class,
        subcommands = {DrawCommand.Verify.class})
public class DrawCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), CliMessages.text("cli.missingSubcommand", "draw verify FILE"));
    }

    /**
     * {@code draw verify FILE}: checks a published draw record with {@code tools/VerifyDraw.java}, the checker outsiders
     * run with nothing but a JDK, compiled in; exit 0 and {@code verified}, or 1 and what differs (or why the file
     * cannot be read), the same in every language (docs/api.md; scripts and the tests read it).
     */
    @Command(name = "verify", mixinStandardHelpOptions = true, modelTransformer = CliHelp.class,
            versionProvider = CliVersion.class)
    public static class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "cli.param.drawRecord")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int code = VerifyDraw.verify(file, out::println);
            out.flush();
            return code;
        }
    }
}
