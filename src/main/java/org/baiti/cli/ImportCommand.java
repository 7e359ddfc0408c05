package org.baiti.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.baiti.contest.ImportResult;
import org.baiti.offline.ImportProgress;
import org.baiti.offline.OfflineImport;
import org.baiti.refusal.Refusal;
import org.baiti.sheet.RowError;
import org.springframework.context.MessageSource;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code import}: imports without a browser; {@code import offline FILE --contest ID} for offline results. */
@Command(name = "import", mixinStandardHelpOptions = true, modelTransformer = CliHelp.class,
        versionProvider = CliVersion.class,
        subcommands = {ImportCommand.Offline.class})
public class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), CliMessages.text("cli.missingSubcommand", "import offline"));
    }

    /**
     * Imports an offline results file (SPEC §2.3) as user {@code cli}: progress on stderr while it runs,
     * then the result, or every bad row; exit 0 on success, 1 when the file (or the contest) is refused.
     */
    @Command(name = "offline", mixinStandardHelpOptions = true, modelTransformer = CliHelp.class,
            versionProvider = CliVersion.class)
    public static class Offline implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "cli.param.offlineFile")
        Path file;

        @Option(names = "--contest", required = true, paramLabel = "ID", descriptionKey = "cli.option.contest")
        long contest;

        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.println(CliMessages.text("cli.import.cannotRead", file.toString()));
                err.flush();
                return 1;
            }
            ConfigurableApplicationContext context;
            try {
                context = CliContext.start(springArgs);
            } catch (RuntimeException e) {
                err.println(CliMessages.text("cli.import.cannotStart", CliMessages.rootMessage(e)));
                err.flush();
                return 1;
            }
            // the bundles, to word a refusal after the try has closed the context
            MessageSource messages = context.getBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, MessageSource.class);
            try (context) {
                Progress progress = new Progress(err);
                ImportResult r = context.getBean(OfflineImport.class).importFile(contest, file, "cli", progress);
                progress.finish(r.imported());
                out.println(CliMessages.text("cli.import.done", count(r.imported()), count(r.added()), count(r.changed())));
                out.flush();
                return 0;
            } catch (Refusal e) { // the file's row errors, in Chinese
                err.println(messages.getMessage(e.wording(), Locale.SIMPLIFIED_CHINESE));
                for (Object d : e.details()) {
                    err.println("  " + (d instanceof RowError re ? re.describe(messages, Locale.SIMPLIFIED_CHINESE)
                            : String.valueOf(d)));
                }
                err.flush();
                return 1;
            }
        }

        /** Adds {@code --name=value} unless the caller gave that property already. */    }

    /** A whole number as the command line shows it ("12,345"), passed to the bundles as text. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Progress lines on stderr, at most one every two seconds, and when the phase changes. */
    static final class Progress implements ImportProgress {

        private final PrintWriter err;
        private final long started = System.nanoTime();
        private long phaseStarted = started;
        private long lastPrinted;
        private Phase phase;
        private long lastRows = -1;
        private Phase lastPhase;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(Phase p, long rowsRead, long rowsTotal) {
            long now = System.nanoTime();
            if (p != phase) {
                if (phase != null) {
                    print(phase, rowsTotal, rowsTotal, now);
                }
                phase = p;
                phaseStarted = now;
                lastPrinted = now;
                return;
            }
            if (now - lastPrinted >= 2_000_000_000L) {
                lastPrinted = now;
                print(p, rowsRead, rowsTotal, now);
            }
        }

        void finish(long rows) {
            long now = System.nanoTime();
            if (phase != null) {
                print(phase, rows, rows, now);
            }
            double seconds = (now - started) / 1e9;
            err.println(CliMessages.text("cli.import.total", count(rows), String.format(Locale.ROOT, "%.1f", seconds),
                    count(Math.round(seconds > 0 ? rows / seconds : 0.0))));
            err.flush();
        }

        private void print(Phase p, long rowsRead, long rowsTotal, long now) {
            if (rowsRead == lastRows && p == lastPhase) {
                return;
            }
            lastRows = rowsRead;
            lastPhase = p;
            double seconds = (now - phaseStarted) / 1e9;
            String phase = CliMessages.text(p == Phase.VALIDATE ? "cli.import.phase.validate" : "cli.import.phase.insert");
            String speed = count(Math.round(seconds > 0 ? rowsRead / seconds : 0.0));
            err.println(rowsTotal > 0
                    ? CliMessages.text("cli.import.progressOf", phase, count(rowsRead), count(rowsTotal), speed)
                    : CliMessages.text("cli.import.progress", phase, count(rowsRead), speed));
            err.flush();
        }
    }
}
