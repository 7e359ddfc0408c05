package org.baiti.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.baiti.verify.VerifyDraw;

/** Runs the stand-alone {@code tools/VerifyDraw.java} as outsiders would: {@code java tools/VerifyDraw.java FILE}. */
class VerifyDrawToolTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String output) {
    }

    private static Run verifyDraw(Path file) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + "/bin/java";
        Process p = new ProcessBuilder(java, "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "tools/VerifyDraw.java", file.toString())
                .directory(DrawRecords.ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void goodRecordsVerify() throws Exception {
        Run r = verifyDraw(DrawRecords.KAT_B);
        assertThat(r.output().strip()).isEqualTo("verified");
        assertThat(r.exitCode()).isZero();
        assertThat(verifyDraw(DrawRecords.KAT_B_ASCII).output().strip()).isEqualTo("verified");
    }

    @Test
    void tamperedRecordsFail() throws Exception {
        String good = DrawRecords.read(DrawRecords.KAT_B);
        Run winner = verifyDraw(DrawRecords.write(dir.resolve("winner.json"),
                DrawRecords.replaceAfter(good, "\"winners\"", "\"准考证001\"", "\"a01\"")));
        assertThat(winner.exitCode()).isEqualTo(1);
        assertThat(winner.output()).contains("winners differ at position 1").doesNotContain("\nverified");

        Run pool = verifyDraw(DrawRecords.write(dir.resolve("pool.json"),
                DrawRecords.replaceAfter(good, "\"pool\"", "\"a01\"", "\"a02\"")));
        assertThat(pool.exitCode()).isEqualTo(1);
        assertThat(pool.output()).contains("pool digest");

        Run broken = verifyDraw(DrawRecords.write(dir.resolve("broken.json"), good.substring(0, 100)));
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.output()).doesNotContain("verified");
    }

    @Test
    void agreesWithTheJavaImplementationOnALargerPool() throws Exception {
        // 3,000 keys mixing ASCII, CJK, U+FF21 and supplementary characters; 25 winners.
        List<String> keys = new ArrayList<>();
        IntStream.range(0, 1000).forEach(i -> {
            keys.add("准考证" + i);
            keys.add("\uFF21" + i);
            keys.add(new StringBuilder().appendCodePoint(0x20000 + i % 7).append(i).toString());
        });
        AlgorithmRun.Result r = AlgorithmRun.draw(keys, 25, List.of("2026-11-29", "beacon:\"quoted\" \\ back"));
        Path good = DrawRecords.write(dir.resolve("large.json"), DrawRecords.toJson(r));
        assertThat(VerifyDraw.problems(DrawRecords.read(good))).isEmpty();
        assertThat(verifyDraw(good).output().strip()).isEqualTo("verified");

        // Publishing the pool in Java's UTF-16 order is caught by the tool too.
        List<String> utf16 = new ArrayList<>(r.sortedPool());
        utf16.sort(String::compareTo);
        AlgorithmRun.Result misordered = new AlgorithmRun.Result(utf16, r.poolDigest(), r.k(), r.seed(),
                r.seedDigest(), r.winners());
        Run run = verifyDraw(DrawRecords.write(dir.resolve("utf16.json"), DrawRecords.toJson(misordered)));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("pool is not sorted");
    }
}
