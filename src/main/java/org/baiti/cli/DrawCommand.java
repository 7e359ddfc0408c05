package org.baiti.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.baiti.draw.DrawVerifier;
import org.baiti.draw.DrawVerifier.Difference;
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
     * {@code draw verify FILE}: recomputes a published draw record; exit 0 when verified, 1 otherwise. What it prints —
     * {@code verified}, or {@code NOT verified} and each difference, or why the file cannot be read — is the same in
     * every language, like the output of {@code tools/VerifyDraw.java} (docs/api.md; scripts and the tests read it).
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
            PrintWriter err = spec.commandLine().getErr();
            String json;
            try {
                json = Files.readString(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                err.println("cannot read " + file + ": not valid UTF-8");
                err.flush();
                return 1;
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e);
                err.flush();
                return 1;
            }
            DrawVerifier.Result result;
            try {
                result = DrawVerifier.verifyJson(json);
            } catch (IllegalArgumentException e) {
                err.println(file + ": " + e.getMessage());
                err.flush();
                return 1;
            }
            if (result.verified()) {
                out.println("verified");
            } else {
                out.println("NOT verified: " + result.differences().size() + " difference(s)");
                for (Difference d : result.differences()) {
                    out.println("- " + d.message());
                }
            }
            out.flush();
            return result.verified() ? 0 : 1;
        }
    }
}
