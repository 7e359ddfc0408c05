package org.baiti.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.baiti.anticheat.Signal;
import org.baiti.bank.QuestionType;
import org.baiti.contest.Contest;
import org.baiti.contest.ContestState;
import org.baiti.offline.OfflineImport;
import org.baiti.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code a staff page shows has a human label in both bundles: roles, contest states, anti-cheat signals, the
 * actions written to the audit trail anywhere in the code, import kinds, paper modes and question types.
 */
class StaffLabelsTest {

    private static final Path MAIN = Path.of("src/main/java");
    /** {@code audit.record("contest.create", ...)} or {@code audit.record(who, "bank.import", ...)}. */
    private static final Pattern AUDIT_ACTION = Pattern.compile("\\.record\\((?:[A-Za-z.()]+, )?\"([a-z]+\\.[a-z_.]+)\"");
    /** {@code new ImportLog.Entry(id, contestId, "bank", ...)}. */
    private static final Pattern IMPORT_KIND = Pattern.compile("new ImportLog\\.Entry\\([^,]+, [^,]+, \"([a-z]+)\"");

    @Test
    void everyCodeOnTheStaffPagesHasALabelInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>();
        for (Role r : Role.values()) {
            keys.add("admin.role." + r.name());
        }
        for (ContestState s : ContestState.values()) {
            keys.add("admin.state." + s.name());
        }
        for (Signal.Kind k : Signal.Kind.values()) {
            keys.add("label.signal." + k.code());
            keys.add("admin.review.explain." + k.code());
        }
        for (Contest.PaperMode m : Contest.PaperMode.values()) {
            keys.add("label.paperMode." + m.name());
        }
        for (QuestionType t : QuestionType.values()) {
            keys.add("label.questionType." + t.name());
        }
        TreeSet<String> actions = found(AUDIT_ACTION);
        assertThat(actions).as("the scan finds the audit actions").contains("account.create", "bank.import", "draw.reveal",
                "contest.freeze", "unit.attention", "privacy.purge");
        actions.forEach(a -> keys.add("label.audit." + a));
        TreeSet<String> kinds = found(IMPORT_KIND);
        kinds.add(OfflineImport.KIND);
        assertThat(kinds).as("the scan finds the import kinds").contains("bank", "units", "roster", "offline");
        kinds.forEach(k -> keys.add("label.import." + k));

        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(keys.stream().filter(k -> zh.getProperty(k) == null).toList()).as("no Chinese label").isEmpty();
        assertThat(keys.stream().filter(k -> en.getProperty(k) == null).toList()).as("no English label").isEmpty();
        for (String k : keys) {
            assertThat(zh.getProperty(k)).as(k).doesNotContainPattern("[A-Za-z]{3,}");
            assertThat(en.getProperty(k)).as(k).doesNotContainPattern("[\\u3400-\\u9fff]");
        }
        // labels for actions nobody writes any more are taken out too
        TreeSet<String> labelled = new TreeSet<>();
        zh.stringPropertyNames().stream().filter(k -> k.startsWith("label.audit."))
                .forEach(k -> labelled.add(k.substring("label.audit.".length())));
        assertThat(labelled).isEqualTo(actions);
    }

    private static TreeSet<String> found(Pattern pattern) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    Matcher m = pattern.matcher(Files.readString(f));
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = StaffLabelsTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
