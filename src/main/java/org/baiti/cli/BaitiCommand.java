package org.baiti.cli;

import picocli.CommandLine.Command;

/** The root {@code baiti} command; it only groups the subcommands. */
@Command(name = "baiti", mixinStandardHelpOptions = true,
        description = "Baiti: open, checkable knowledge contests / 知识竞赛",
        subcommands = {ServeCommand.class, DrawCommand.class, ImportCommand.class, BackupCommand.class,
                RestoreCommand.class, AuditCommand.class, PurgeCommand.class})
public class BaitiCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: baiti serve | draw verify FILE | import offline FILE --contest ID");
    }
}
