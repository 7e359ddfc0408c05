package org.baiti.offline;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The offline rules an auditor reads (row checks, answer strings, marking) stay plain Java. */
class OfflineRulesHaveNoFrameworkTest {

    static final List<String> RULE_CLASSES = List.of(
            "org.baiti.offline.OfflineRules", "org.baiti.offline.AnswerSheet", "org.baiti.offline.OfflineResult");

    @Test
    void offlineRuleClassesDependOnNoFramework() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.baiti.offline");
        for (String name : RULE_CLASSES) {
            assertThat(classes.contain(name)).as("rule class %s exists", name).isTrue();
        }
        noClasses().that().haveNameMatching("org\\.baiti\\.offline\\.(OfflineRules|AnswerSheet|OfflineResult)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "com.fasterxml.jackson..", "jakarta..")
                .check(classes);
    }
}
