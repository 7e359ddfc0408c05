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
@Command(name = "restore", description = "Restore the SQLite database from a backup FILE (Baiti stopped) / 从备份恢复")
public class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--baiti.data-dir", defaultValue = "./data", description = "data folder (default ./data)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path source = file.toAbsolutePath();
        if (!Files.exists(source)) {
            System.err.println("备份文件不存在 / No backup at " + source);
            return 1;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source + "?open_mode=1");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            if (!rs.next() || !"ok".equals(rs.getString(1))) {
                System.err.println("备份文件已损坏 / The backup fails SQLite's integrity check");
                return 1;
            }
        } catch (java.sql.SQLException e) {
            System.err.println("不是有效的 SQLite 备份 / Not a SQLite backup: " + e.getMessage());
            return 1;
        }
        Files.createDirectories(dataDir);
        Path db = dataDir.resolve("baiti.db").toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=30000");
             Statement s = c.createStatement()) {
            s.executeUpdate("restore from '" + source.toString().replace("'", "''") + "'");
        }
        System.out.println("已恢复 / restored " + source + " -> " + db);
        return 0;
    }
}
