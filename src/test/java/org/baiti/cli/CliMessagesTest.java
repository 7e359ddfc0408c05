package org.baiti.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line speaks Chinese unless the machine's locale is English, from the bundles; help included. */
class CliMessagesTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** An English word of three letters or more that is not an option, a placeholder or a file name. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("(?<![-.\\w/{$])[A-Za-z]{3,}(?![-.\\w/=}])");
    /** Words that are the same in every language: names, formats and the result lines scripts read. */
    private static final List<String> SAME_IN_EVERY_LANGUAGE = List.of("Spring Boot", "SQLite", "PostgreSQL", "pg_dump",
            "CSV", "XLSX", "JSON", "UTF-8", "SHA-256", "GET", "NOT verified", "verified", "audit chain intact (N entries)",
            "broken at seq N", "baiti", "serve", "draw", "verify", "import", "offline", "backup", "restore", "audit",
            "purge", "help", "FILE", "DIR", "URL", "ID");

    private final Supplier<Map<String, String>> realEnvironment = CliMessages.environment;

    @AfterEach
    void restore() {
        CliMessages.environment = realEnvironment;
    }

    @Test
    void theLanguageIsChineseUnlessTheLocaleIsEnglishInPosixOrder() {
        assertThat(CliMessages.locale(Map.of())).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliMessages.locale(Map.of("LANG", "C.UTF-8"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliMessages.locale(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliMessages.locale(Map.of("LANG", "en_US.UTF-8"))).isEqualTo(Locale.ENGLISH);
        assertThat(CliMessages.locale(Map.of("LANG", "en"))).isEqualTo(Locale.ENGLISH);
        assertThat(CliMessages.locale(Map.of("LC_ALL", "zh_CN.UTF-8", "LANG", "en_US.UTF-8"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliMessages.locale(Map.of("LC_ALL", "en_GB.UTF-8", "LANG", "zh_CN.UTF-8"))).isEqualTo(Locale.ENGLISH);
        assertThat(CliMessages.locale(Map.of("LC_ALL", "", "LC_MESSAGES", "en_US.UTF-8", "LANG", "zh_CN"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void messagesComeFromTheBundleOfTheLanguage() {
        CliMessages.environment = () -> Map.of("LANG", "zh_CN.UTF-8");
        assertThat(CliMessages.text("cli.import.done", "12,345", "2", "0")).isEqualTo("导入完成：共 12,345 行，新增 2 行，更新 0 行");
        CliMessages.environment = () -> Map.of("LANG", "en_US.UTF-8");
        assertThat(CliMessages.text("cli.import.done", "12,345", "2", "0")).isEqualTo("Imported 12,345 rows: 2 added, 0 changed");
        assertThat(CliMessages.text("cli.restore.corrupt")).isEqualTo("The backup fails the SQLite integrity check");
    }

    @Test
    void everyCommandsHelpIsInChinese() {
        CliMessages.environment = () -> Map.of("LANG", "C.UTF-8");
        for (CommandLine c : all(new CommandLine(new BaitiCommand()))) {
            String help = help(c);
            assertThat(help).as(c.getCommandSpec().qualifiedName()).startsWith("用法：");
            assertThat(c.getCommandSpec().usageMessage().description()).as(c.getCommandSpec().qualifiedName())
                    .isNotEmpty().allSatisfy(line -> assertThat(CJK.matcher(line).find()).isTrue());
            for (ArgSpec a : c.getCommandSpec().args()) {
                assertThat(a.description()).as("%s %s", c.getCommandSpec().qualifiedName(), a.paramLabel()).isNotEmpty()
                        .allSatisfy(line -> assertThat(CJK.matcher(line).find()).isTrue());
            }
            String rest = help.replaceAll("\\s+", " "); // lines wrap anywhere
            for (String same : SAME_IN_EVERY_LANGUAGE) {
                rest = rest.replace(same, " ");
            }
            assertThat(ENGLISH_WORD.matcher(rest).results().map(m -> m.group()).toList())
                    .as("English in the Chinese help of %s:%n%s", c.getCommandSpec().qualifiedName(), help).isEmpty();
        }
    }

    @Test
    void everyCommandsHelpIsInEnglishWhenTheLocaleIs() {
        CliMessages.environment = () -> Map.of("LANG", "en_US.UTF-8");
        for (CommandLine c : all(new CommandLine(new BaitiCommand()))) {
            String help = help(c);
            assertThat(help).as(c.getCommandSpec().qualifiedName()).startsWith("Usage: ");
            assertThat(CJK.matcher(help).find()).as("Chinese in the English help:%n%s", help).isFalse();
            assertThat(c.getCommandSpec().usageMessage().description()).isNotEmpty();
            for (ArgSpec a : c.getCommandSpec().args()) {
                assertThat(a.description()).as("%s %s", c.getCommandSpec().qualifiedName(), a.paramLabel()).isNotEmpty();
            }
        }
    }

    @Test
    void withoutACommandBaitiPrintsItsHelp() {
        CliMessages.environment = () -> Map.of("LANG", "zh_CN.UTF-8");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BaitiCommand());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute()).isZero();
        assertThat(out.toString()).startsWith("用法：baiti").contains("命令：").contains("serve").contains("启动百题网站");
    }

    @Test
    void aCommandLinePicocliCannotTakeIsRefusedInTheMachinesLanguage() {
        CliMessages.environment = () -> Map.of("LANG", "zh_CN.UTF-8");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("draw", "verify")).isEqualTo(2);
        assertThat(err.toString()).startsWith("缺少必需的参数：FILE").contains("用法：baiti draw verify")
                .doesNotContain("Missing");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("draw", "verify", "a.json", "b.json")).isEqualTo(2);
        assertThat(err.toString()).startsWith("无法识别的参数：b.json").doesNotContain("Unmatched");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("draw", "verify", "--nope", "a.json")).isEqualTo(2);
        assertThat(err.toString()).startsWith("无法识别的参数：--nope");

        CliMessages.environment = () -> Map.of("LANG", "en_US.UTF-8");
        StringWriter english = new StringWriter();
        CommandLine en = Main.commandLine();
        en.setErr(new PrintWriter(english, true));
        assertThat(en.execute("draw", "verify")).isEqualTo(2);
        assertThat(english.toString()).startsWith("Missing required argument: FILE").contains("Usage: baiti draw verify");
    }

    @Test
    void aMissingBackupIsSaidInTheMachinesLanguage() {
        CliMessages.environment = () -> Map.of("LANG", "en_US.UTF-8");
        assertThat(CliMessages.text("cli.restore.noBackup", "/tmp/x.db")).isEqualTo("No backup at /tmp/x.db");
        CliMessages.environment = () -> Map.of("LANG", "zh_CN.UTF-8");
        assertThat(CliMessages.text("cli.restore.noBackup", "/tmp/x.db")).isEqualTo("备份文件不存在：/tmp/x.db");
    }

    @Test
    void aMachineWithoutAUtf8LocaleGetsUtf8RatherThanQuestionMarks() {
        assertThat(Main.canShowChinese(java.nio.charset.StandardCharsets.US_ASCII)).isFalse();
        assertThat(Main.canShowChinese(java.nio.charset.StandardCharsets.ISO_8859_1)).isFalse();
        assertThat(Main.canShowChinese(java.nio.charset.StandardCharsets.UTF_8)).isTrue();
        assertThat(Main.canShowChinese(java.nio.charset.Charset.forName("GBK"))).isTrue();
    }

    private static List<CommandLine> all(CommandLine root) {
        List<CommandLine> out = new ArrayList<>();
        out.add(root);
        root.getSubcommands().values().forEach(c -> out.addAll(all(c)));
        return out;
    }

    private static String help(CommandLine c) {
        StringWriter w = new StringWriter();
        c.usage(new PrintWriter(w, true));
        return w.toString();
    }
}
