package org.baiti.draw;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.baiti.testing.UpgradeCheck;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V99 on a database with a committed draw: the pool's second blob {@code pool_keys} goes, and the pool still opens from
 * {@code pool_display} to the committed {@code P} (the keys come from the array). Real Flyway, both databases.
 */
class DrawPoolMigrationTest implements UpgradeCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void check(String url) throws SQLException {
        FrozenPool.Writer writer = new FrozenPool.Writer(JSON, 3);
        writer.add(new Draws.Candidate("A1", "甲*", "市教育局"));
        writer.add(new Draws.Candidate("B2", "乙*", "市教育局"));
        writer.add(new Draws.Candidate("准考证3", "丙*", "第一中学"));
        FrozenPool written = writer.finish();
        String p = DrawAlgorithm.hex(written.digest());
        try (Connection c = UpgradeCheck.before(url, "98", 1);
             PreparedStatement draw = c.prepareStatement("""
                     INSERT INTO draw (id, contest_id, name, k, pool_kind, seed_sources, pool_digest, n, status,
                         committed_at, committed_by)
                     VALUES (7, 1, '抽奖', 1, 'offline-perfect', 'dice', ?, 3, 'COMMITTED', 0, 'admin')
                     """);
             PreparedStatement pool = c.prepareStatement(
                     "INSERT INTO draw_pool (draw_id, compression, pool_keys, pool_display) VALUES (7, ?, ?, ?)")) {
            draw.setString(1, p);
            draw.executeUpdate();
            pool.setString(1, FrozenPool.DEFLATE);
            pool.setBytes(2, FrozenPool.deflate("A1\nB2\n准考证3\n".getBytes(StandardCharsets.UTF_8)));
            pool.setBytes(3, FrozenPool.deflate(written.displayBlob()));
            pool.executeUpdate();
        }
        UpgradeCheck.upgrade(url);
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT compression, pool_display FROM draw_pool WHERE draw_id = 7")) {
            assertThat(rs.next()).isTrue();
            FrozenPool opened = FrozenPool.open(FrozenPool.inflate(rs.getBytes(2), rs.getString(1)), JSON);
            assertThat(DrawAlgorithm.hex(opened.digest())).isEqualTo(p);
            assertThat(opened.entry(2)).isEqualTo(new DrawRecord.Entry(2, "准考证3", "丙*", "第一中学"));
            assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT pool_keys FROM draw_pool"))
                    .isInstanceOf(SQLException.class);
        }
    }
}
