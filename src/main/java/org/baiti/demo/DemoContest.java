package org.baiti.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.baiti.bank.BankImport;
import org.baiti.contest.Contest;
import org.baiti.contest.ContestSettings;
import org.baiti.contest.Contesting;
import org.baiti.settings.SiteSettings;
import org.baiti.unit.UnitImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty database: a demo contest, open now, with a real question bank on
 * forest and grassland fire prevention and a sample unit tree. {@code --baiti.demo=false} turns it off.
 *
 * <p>Runs once every singleton exists, before the web server opens its port: when {@code /actuator/health}
 * first answers, this is done (an {@code ApplicationRunner} would run only after the port is open).
 */
@Component
class DemoContest implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoContest.class);

    private final Contesting contesting;
    private final UnitImport unitImport;
    private final BankImport bankImport;
    private final Clock clock;
    private final boolean enabled;

    DemoContest(Contesting contesting, UnitImport unitImport, BankImport bankImport, Clock clock,
                SiteSettings site) {
        this.contesting = contesting;
        this.unitImport = unitImport;
        this.bankImport = bankImport;
        this.clock = clock;
        this.enabled = site.demo();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled || !contesting.all().isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
        Contest c = contesting.create(new ContestSettings("示范市森林草原防灭火知识竞赛（演示）",
                20, 20 * 60, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), 10, 20, 3,
                Contest.PaperMode.RANDOM, null, null, null, null, null));
        unitImport.importFile(c.id(), "demo/units.csv", resource("demo/units.csv"), "demo");
        bankImport.importFile(c.id(), "demo/bank.csv", resource("demo/bank.csv"), "demo");
        log.info("Created the demo contest {} (its address is in the start banner)", c.id());
    }

    private static InputStream resource(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
