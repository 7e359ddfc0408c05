package org.baiti.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.baiti.cli.DrawCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code draw verify FILE} (org.baiti.cli.DrawCommand, which runs tools/VerifyDraw.java's check), kept here so the draw
 * test selection runs it.
 */
class DrawCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DrawCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theKnownAnswerRecordVerifies() {
        Run r = run("verify", DrawRecords.KAT_B.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("verified");
        assertThat(run("verify", DrawRecords.KAT_B_ASCII.toString()).exitCode()).isZero();
    }

    @Test
    void aTamperedWinnerFailsNamingThePosition() {
        Path file = DrawRecords.write(dir.resolve("winner.json"), DrawRecords.replaceAfter(
                DrawRecords.read(DrawRecords.KAT_B), "\"winners\"", "\"准考证001\"", "\"a01\""));
        Run r = run("verify", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("NOT verified:")
                .contains("- winners differ at position 1 (winner #2): the draw gives \"准考证001\", the record lists \"a01\"")
                .doesNotContain("\nverified");
    }

    @Test
    void aTamperedPoolKeyIsADigestMismatch() {
        Path file = DrawRecords.write(dir.resolve("pool.json"), DrawRecords.replaceAfter(
                DrawRecords.read(DrawRecords.KAT_B), "\"pool\"", "\"Ä1\"", "\"Ö1\""));
        Run r = run("verify", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("- pool digest: the record says 9674df75c74f5b5fd86fdca66109fce1ceff1f1b35f7241a6fd583359ea10002");
    }

    @Test
    void unreadableOrInvalidFilesExitOne() throws Exception {
        Run missing = run("verify", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("cannot read");

        Path broken = DrawRecords.write(dir.resolve("broken.json"), "{\"algorithm\": \"baiti-draw-v1\",");
        Run invalid = run("verify", broken.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).contains("is not a valid draw record: JSON error");

        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"a\": \"\u00e4\"}".getBytes(StandardCharsets.ISO_8859_1));
        Run notUtf8 = run("verify", latin1.toString());
        assertThat(notUtf8.exitCode()).isEqualTo(1);
        assertThat(notUtf8.out()).contains("not valid UTF-8");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("verify").exitCode()).isEqualTo(2);
        assertThat(run().exitCode()).isEqualTo(2);
        assertThat(run("verify", "a", "b").exitCode()).isEqualTo(2);
        assertThat(run("verify", "--help").exitCode()).isZero();
    }
}
