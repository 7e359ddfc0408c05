package org.baiti;

/** The two database engines Baiti runs on; SQL that differs between them asks this. */
public enum Dialect {
    SQLITE, POSTGRESQL;

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
