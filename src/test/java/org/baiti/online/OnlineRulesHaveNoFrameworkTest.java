package org.baiti.online;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The online channel's rules (ranking order, paper draw, marking, timing) stay plain Java an auditor can read. */
class OnlineRulesHaveNoFrameworkTest {

    static final List<String> RULES = List.of(
            "org.baiti.ranking.RankingOrder",
            "org.baiti.online.PaperDraw",
            "org.baiti.online.PaperMarking",
            "org.baiti.online.SubmitTiming",
            "org.baiti.online.Paper");

    @Test
    void rankingOrderPaperDrawMarkingAndTimingDependOnNoFramework() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.baiti.online", "org.baiti.ranking");
        for (String name : RULES) {
            assertThat(classes.contain(name)).as("rule class %s exists", name).isTrue();
        }
        noClasses().that(DescribedPredicate.describe("online rule classes", (JavaClass c) ->
                        RULES.stream().anyMatch(r -> c.getName().equals(r) || c.getName().startsWith(r + "$"))))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "com.fasterxml.jackson..", "jakarta..", "java.sql..")
                .check(classes);
    }
}
