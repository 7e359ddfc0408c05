package org.baiti.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.baiti.audit.AuditLog;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code audit verify}: checks the hash chain of the audit trail in the database. */
@Command(name = "audit", mixinStandardHelpOptions = true, modelTransformer = CliHelp.class,
        versionProvider = CliVersion.class,
        subcommands = {AuditCommand.Verify.class})
public class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), CliMessages.text("cli.missingSubcommand", "audit verify"));
    }

    /**
     * Prints {@code audit chain intact (N entries)} and exits 0, or {@code broken at seq N: reason} and exits 1: these
     * result lines are the same in every language (docs/security.md; scripts read them).
     */
    @Command(name = "verify", mixinStandardHelpOptions = true, modelTransformer = CliHelp.class,
            versionProvider = CliVersion.class)
    public static class Verify implements Callable<Integer> {

        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ConfigurableApplicationContext context;
            try {
                context = CliContext.start(springArgs);
            } catch (RuntimeException e) {
                err.println(CliMessages.text("cli.database.cannotOpen", CliMessages.rootMessage(e)));
                err.flush();
                return 2;
            }
            try (context) {
                AuditLog.Verification v = context.getBean(AuditLog.class).verify();
                if (v.intact()) {
                    out.println("audit chain intact (" + v.entries() + " entries)");
                    out.println("head hash " + v.headHash());
                    out.flush();
                    return 0;
                }
                out.println("broken at seq " + v.brokenAt() + ": " + v.reason());
                out.flush();
                return 1;
            }
        }
    }
}
