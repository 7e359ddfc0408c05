package org.baiti.draw;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw's rules stay plain Java that an auditor can read and run alone: the algorithm depends on nothing but the
 * JDK; the verifier on nothing but the JDK, the algorithm and Jackson (which reads the record's JSON for it).
 */
class DrawRulesArchitectureTest {

    static final List<String> RULES = List.of("org.baiti.draw.DrawAlgorithm", "org.baiti.draw.DrawVerifier");

    private static boolean isRule(JavaClass c) {
        return RULES.stream().anyMatch(r -> c.getName().equals(r) || c.getName().startsWith(r + "$"));
    }

    private static boolean isAlgorithm(JavaClass c) {
        return c.getName().equals(RULES.get(0)) || c.getName().startsWith(RULES.get(0) + "$");
    }

    private static boolean jdk(JavaClass c) {
        JavaClass base = c.isArray() ? c.getBaseComponentType() : c;
        return base.isPrimitive() || base.getPackageName().startsWith("java.");
    }

    private static JavaClasses classes() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.baiti.draw");
        RULES.forEach(name -> assertThat(classes.contain(name)).as(name + " exists").isTrue());
        return classes;
    }

    @Test
    void theAlgorithmDependsOnNothingButTheJdk() {
        noClasses().that(describe("the draw algorithm", DrawRulesArchitectureTest::isAlgorithm))
                .should().dependOnClassesThat(describe("anything outside java.* and the algorithm",
                        (JavaClass c) -> !jdk(c) && !isAlgorithm(c.isArray() ? c.getBaseComponentType() : c)))
                .check(classes());
    }

    @Test
    void theVerifierDependsOnNothingButTheJdkTheAlgorithmAndJackson() {
        noClasses().that(describe("the draw's rule classes", DrawRulesArchitectureTest::isRule))
                .should().dependOnClassesThat(describe("anything outside java.*, the rule classes and Jackson",
                        (JavaClass c) -> {
                            JavaClass base = c.isArray() ? c.getBaseComponentType() : c;
                            return !jdk(base) && !isRule(base) && !base.getPackageName().startsWith("tools.jackson.");
                        }))
                .check(classes());
    }
}
