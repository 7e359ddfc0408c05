package org.baiti.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.baiti.Application;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code serve}: runs the web application; every further argument goes to Spring Boot. */
@Command(name = "serve", modelTransformer = CliHelp.class)
public class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        serving = true;
        List<String> args = new java.util.ArrayList<>(springArgs);
        if (!Main.canShowChinese(java.nio.charset.Charset.defaultCharset())
                && args.stream().noneMatch(a -> a.startsWith("--logging.charset.console="))) {
            args.add("--logging.charset.console=UTF-8"); // the banner in Chinese, not "???", where the locale is C
        }
        SpringApplication.run(Application.class, args.toArray(String[]::new));
        return 0;
    }
}
