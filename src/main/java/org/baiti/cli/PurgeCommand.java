package org.baiti.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.baiti.Application;
import org.baiti.privacy.PersonalData;
import org.baiti.refusal.Refusal;
import org.baiti.web.ApiErrors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code purge --contest ID [--now]}: replaces the contest's full phone numbers by a keyed hash and removes the
 * attempts' addresses once its retention period is over (SPEC §8; {@code --now} before it, but after the close).
 * Exit 0 when done, 1 when refused (not closed, retention running, no such contest), 2 when the database cannot open.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Remove full phone numbers after the retention period / 清除保存期已过的个人信息",
                "Further options go to Spring Boot, e.g. --baiti.data-dir=DIR or --spring.datasource.url=URL"})
public class PurgeCommand implements Callable<Integer> {

    @Option(names = "--contest", required = true, paramLabel = "ID", description = "contest id")
    long contest;

    @Option(names = "--now", description = "purge before the retention period ends (never before the close)")
    boolean now;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> args = new ArrayList<>(springArgs);
        args.add("--baiti.demo=false");
        args.add("--baiti.first-admin=false");
        args.add("--baiti.privacy.purge-job=false");
        if (args.stream().noneMatch(a -> a.startsWith("--logging.level.root="))) {
            args.add("--logging.level.root=WARN");
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                    .logStartupInfo(false).run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("无法打开数据库 / Cannot open the database: " + e.getMessage());
            err.flush();
            return 2;
        }
        ApiErrors errors = context.getBean(ApiErrors.class);
        try (context) {
            PersonalData.Purged p = context.getBean(PersonalData.class).purge(contest, now, "cli");
            out.println("purged contest " + p.contestId() + ": phone numbers replaced " + p.phonesReplaced()
                    + ", addresses removed " + p.addressesRemoved() + ", full numbers left " + p.fullPhonesLeft()
                    + (p.early() ? " (before the end of the retention period)" : ""));
            out.flush();
            return p.fullPhonesLeft() == 0 ? 0 : 1;
        } catch (Refusal e) {
            // in English, as everything else this command prints
            err.println(errors.words(e, Locale.ENGLISH).message());
            err.flush();
            return 1;
        }
    }
}
