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
@Command(name = "backup", description = "Copy the SQLite database to FILE, also while Baiti is running / 在线备份")
public class BackupCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--baiti.data-dir", defaultValue = "./data", description = "data folder (default ./data)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path db = dataDir.resolve("baiti.db").toAbsolutePath();
        if (!Files.exists(db)) {
            System.err.println("没有找到数据库 / No database at " + db);
            return 1;
        }
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            System.err.println("目标文件已存在，不覆盖 / " + target + " exists; not overwritten");
            return 1;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=30000");
             Statement s = c.createStatement()) {
            s.executeUpdate("backup to '" + target.toString().replace("'", "''") + "'");
        }
        System.out.println("已备份 / backed up " + db + " -> " + target + " (" + Files.size(target) + " bytes)");
        return 0;
    }
}
