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

/** The draw's rule (the algorithm) stays plain Java that an auditor can read and run alone. */
class DrawRulesArchitectureTest {

    static final List<String> RULES = List.of("org.baiti.draw.DrawAlgorithm");

    private static boolean isRule(JavaClass c) {
        return RULES.stream().anyMatch(r -> c.getName().equals(r) || c.getName().startsWith(r + "$"));
    }

    private static boolean allowed(JavaClass c) {
        JavaClass base = c.isArray() ? c.getBaseComponentType() : c;
        return base.isPrimitive() || base.getPackageName().startsWith("java.") || isRule(base);
    }

    @Test
    void theAlgorithmDependsOnNothingButTheJdk() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.baiti.draw");
        RULES.forEach(name -> assertThat(classes.contain(name)).as(name + " exists").isTrue());
        noClasses().that(describe("the draw's rule classes", DrawRulesArchitectureTest::isRule))
                .should().dependOnClassesThat(describe("anything outside java.* and the rule classes",
                        (JavaClass c) -> !allowed(c)))
                .check(classes);
    }
}
