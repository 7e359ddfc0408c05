package org.baiti.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backup FILE}: a consistent copy of the SQLite database while Baiti is serving (SQLite's online
 * backup). For PostgreSQL use {@code pg_dump} (docs/operations.md).
 */
@Command(name = "backup", mixinStandardHelpOptions = true, modelTransformer = CliHelp.class,
        versionProvider = CliVersion.class)
public class BackupCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "cli.param.backupFile")
    Path file;

    @Option(names = "--baiti.data-dir", defaultValue = "./data", paramLabel = "DIR", descriptionKey = "cli.option.dataDir")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path db = dataDir.resolve("baiti.db").toAbsolutePath();
        if (!Files.exists(db)) {
            System.err.println(CliMessages.text("cli.backup.noDatabase", db.toString()));
            return 1;
        }
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            System.err.println(CliMessages.text("cli.backup.exists", target.toString()));
            return 1;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=30000");
             Statement s = c.createStatement()) {
            s.executeUpdate("backup to '" + target.toString().replace("'", "''") + "'");
        }
        System.out.println(CliMessages.text("cli.backup.done", db.toString(), target.toString(),
                String.valueOf(Files.size(target))));
        return 0;
    }
}
