package org.baiti;

/** The two database engines Baiti runs on; SQL that differs between them asks this. */
public enum Dialect {
    SQLITE, POSTGRESQL;

    /**
     * The settings of every SQLite connection Baiti opens (the URL's query): WAL, fsync on every commit, wait instead
     * of failing when the file is busy, foreign keys, writes that take the write lock when they begin.
     */
    public static final String SQLITE_SETTINGS =
            "journal_mode=WAL&synchronous=FULL&busy_timeout=30000&foreign_keys=true&transaction_mode=IMMEDIATE";

    /** Decides the dialect from a JDBC URL. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database 不支持的数据库: " + jdbcUrl);
    }
}
