package org.baiti;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules outsiders check (marking, import rules, the draw, the award formula) stay plain Java. */
class RulesHaveNoFrameworkTest {

    /** Every class named here must exist, or the rule could never fail. */
    static final List<String> RULE_CLASSES = List.of(
            "org.baiti.bank.Marking",
            "org.baiti.bank.BankRules",
            "org.baiti.bank.Question",
            "org.baiti.unit.UnitTree",
            "org.baiti.person.Phones",
            "org.baiti.sheet.SheetReader",
            "org.baiti.draw.DrawAlgorithm", // its JDK-only checker for outsiders is tools/VerifyDraw.java
            "org.baiti.orgaward.OrgAwardFormula",
            "org.baiti.ranking.RankingOrder",
            "org.baiti.online.PaperDraw",
            "org.baiti.online.PaperMarking",
            "org.baiti.online.SubmitTiming",
            "org.baiti.offline.OfflineRules",
            "org.baiti.offline.AnswerSheet",
            "org.baiti.audit.AuditChain",
            "org.baiti.unit.UnitScope",
            "org.baiti.text.TextInput");

    static final List<String> RULE_PACKAGES = List.of("org.baiti.sheet", "org.baiti.text");

    /**
     * What a sheet's row error names of Spring to be worded in the reader's language (it is a refusal's detail):
     * {@code MessageSource} and {@code MessageSourceResolvable}, interfaces without behaviour.
     */
    static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> WORDING =
            com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                    "org\\.springframework\\.context\\.MessageSource(Resolvable)?").forSubtype();

    @Test
    void ruleClassesAndPackagesDependOnNoFramework() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.baiti");
        for (String name : RULE_CLASSES) {
            assertThat(classes.contain(name)).as("rule class %s exists", name).isTrue();
        }
        for (String pkg : RULE_PACKAGES) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().equals(pkg))).as("package %s exists", pkg).isTrue();
        }
        ArchRule rule = noClasses()
                
                .that(com.tngtech.archunit.base.DescribedPredicate.describe("rule classes", (com.tngtech.archunit.core.domain.JavaClass c) -> RULE_CLASSES.contains(c.getName())
                        || RULE_CLASSES.stream().anyMatch(r -> c.getName().startsWith(r + "$"))
                        || RULE_PACKAGES.contains(c.getPackageName())))
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(WORDING)));
        rule.check(classes);
        // ... and only the sheet's row error names those two interfaces (SheetArchitectureTest)
        noClasses().that(com.tngtech.archunit.base.DescribedPredicate.describe("rule classes outside org.baiti.sheet",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> !c.getPackageName().equals("org.baiti.sheet")
                                && (RULE_CLASSES.contains(c.getName())
                                || RULE_CLASSES.stream().anyMatch(r -> c.getName().startsWith(r + "$"))
                                || RULE_PACKAGES.contains(c.getPackageName()))))
                .should().dependOnClassesThat(WORDING).check(classes);
    }
}
