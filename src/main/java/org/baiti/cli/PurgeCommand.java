package org.baiti.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.baiti.privacy.PersonalData;
import org.baiti.refusal.Refusal;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code purge --contest ID [--now]}: replaces the contest's full phone numbers by a keyed hash and removes the
 * attempts' addresses once its retention period is over (SPEC §8; {@code --now} before it, but after the close).
 * Exit 0 when done, 1 when refused (not closed, retention running, no such contest), 2 when the database cannot open.
 * The result line ({@code purged contest N: ... full numbers left 0}) is the same in every language: scripts read it.
 */
@Command(name = "purge", mixinStandardHelpOptions = true, modelTransformer = CliHelp.class,
        versionProvider = CliVersion.class)
public class PurgeCommand implements Callable<Integer> {

    @Option(names = "--contest", required = true, paramLabel = "ID", descriptionKey = "cli.option.contest")
    long contest;

    @Option(names = "--now", descriptionKey = "cli.option.now")
    boolean now;

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
            context = CliContext.start(springArgs, "baiti.privacy.purge-job=false");
        } catch (RuntimeException e) {
            err.println(CliMessages.text("cli.database.cannotOpen", CliMessages.rootMessage(e)));
            err.flush();
            return 2;
        }
        try (context) {
            PersonalData.Purged p = context.getBean(PersonalData.class).purge(contest, now, "cli");
            out.println("purged contest " + p.contestId() + ": phone numbers replaced " + p.phonesReplaced()
                    + ", addresses removed " + p.addressesRemoved() + ", full numbers left " + p.fullPhonesLeft()
                    + (p.early() ? " (before the end of the retention period)" : ""));
            out.flush();
            return p.fullPhonesLeft() == 0 ? 0 : 1;
        } catch (Refusal e) {
            err.println(CliMessages.refused(e));
            err.flush();
            return 1;
        }
    }
}
