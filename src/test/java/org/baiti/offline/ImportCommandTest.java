package org.baiti.offline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.baiti.cli.BaitiCommand;
import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baiti.offline.OfflineFiles.PERFECT;
import static org.baiti.offline.OfflineFiles.row;
import static org.baiti.offline.OfflineFiles.rows;

/**
 * {@code baiti import offline FILE --contest ID}, run in-process on the data folder of a running app:
 * the contest is prepared over HTTP, the command imports beside it, and the app sees the rows.
 */
class ImportCommandTest extends SqliteApp {

    @Value("${baiti.data-dir}")
    String dataDir;

    record Run(int exitCode, String out, String err) {
    }

    Run importOffline(Path file, long contest) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BaitiCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("import", "offline", file.toString(), "--contest", String.valueOf(contest),
                "--baiti.data-dir=" + dataDir);
        return new Run(code, out.toString(), err.toString());
    }

    long participants(long contest) {
        return api().admin().get("/api/admin/contests/" + contest + "/offline-results/summary").json()
                .get("participants").asLong();
    }

    @Test
    void importsAGoodFileExitingZeroWithTheCountsAndProgress() throws Exception {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        Path file = Files.createTempFile("offline", ".csv");
        Files.write(file, Fixtures.gb18030(rows(
                row("C001", "张三", "13800000001", "U1-1", "", PERFECT, "一号考场"),
                row("C002", "李四", "13800000002", "东城区", "4", "", "一号考场"))));

        Run run = importOffline(file, id);

        assertThat(run.exitCode()).as(run.err()).isZero();
        // In Chinese unless the machine's locale is English (cli.CliMessages; the build runs with LANG=C.UTF-8 or zh).
        if ("en".equals(org.baiti.cli.CliMessages.locale().getLanguage())) {
            assertThat(run.out()).contains("Imported 2 rows: 2 added, 0 changed");
            assertThat(run.err()).contains("Validating: ").contains("rows/s").contains("Total: 2 rows");
        } else {
            assertThat(run.out()).contains("导入完成：共 2 行，新增 2 行，更新 0 行");
            assertThat(run.err()).contains("校验：").contains("每秒").contains("总计：2 行");
        }
        assertThat(participants(id)).isEqualTo(2);
    }

    @Test
    void refusesABadFileExitingOneAndPrintingEveryBadRow() throws Exception {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        Path file = Files.createTempFile("offline-bad", ".csv");
        Files.write(file, Fixtures.csv(rows(
                row("C101", "张三", "13800000001", "U1", "3", "", ""),
                row("C102", "李四", "110", "U1", "3", "", ""),
                row("C103", "王五", "13800000003", "U1", "", "A|B", ""))));

        Run run = importOffline(file, id);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("文件有 2 处错误，未导入任何数据")
                .contains("  第 3 行，手机号 / phone：不是中国大陆手机号（11 位，以 1 开头）：110")
                .contains("  第 4 行，答案 / answers：应有 5 个答案，实际 2 个")
                .doesNotContain("row 3").doesNotContain("expected");
        assertThat(participants(id)).isZero();
    }

    @Test
    void anUnknownContestOrAMissingFileExitsOne() throws Exception {
        Path file = Files.createTempFile("offline", ".csv");
        Files.write(file, Fixtures.csv(rows(row("C1", "张三", "13800000001", "U1", "3", "", ""))));
        Run unknown = importOffline(file, 424242L);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("竞赛不存在");

        Run missing = importOffline(file.resolveSibling("no-such-file.csv"), 1);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no-such-file.csv");
    }
}
