package org.baiti.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restore FILE}: brings a backup back into the data folder; run it while Baiti is stopped. */
@Command(name = "restore", mixinStandardHelpOptions = true, modelTransformer = CliHelp.class,
        versionProvider = CliVersion.class)
public class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "cli.param.backupFile")
    Path file;

    @Option(names = "--baiti.data-dir", defaultValue = "./data", paramLabel = "DIR", descriptionKey = "cli.option.dataDir")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path source = file.toAbsolutePath();
        if (!Files.exists(source)) {
            System.err.println(CliMessages.text("cli.restore.noBackup", source.toString()));
            return 1;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source + "?open_mode=1");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            if (!rs.next() || !"ok".equals(rs.getString(1))) {
                System.err.println(CliMessages.text("cli.restore.corrupt"));
                return 1;
            }
        } catch (java.sql.SQLException e) {
            System.err.println(CliMessages.text("cli.restore.notSqlite", String.valueOf(e.getMessage())));
            return 1;
        }
        Files.createDirectories(dataDir);
        Path db = dataDir.resolve("baiti.db").toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=30000");
             Statement s = c.createStatement()) {
            s.executeUpdate("restore from '" + source.toString().replace("'", "''") + "'");
        }
        System.out.println(CliMessages.text("cli.restore.done", source.toString(), db.toString()));
        return 0;
    }
}
