package org.baiti.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root {@code baiti} command; it only groups the subcommands (alone, it prints the usage help). */
@Command(name = "baiti", mixinStandardHelpOptions = true, modelTransformer = CliHelp.class,
        versionProvider = CliVersion.class,
        subcommands = {ServeCommand.class, DrawCommand.class, ImportCommand.class, BackupCommand.class,
                RestoreCommand.class, AuditCommand.class, PurgeCommand.class})
public class BaitiCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
