package org.baiti.sheet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SheetArchitectureTest {

    /** What a row error names of Spring to be worded: {@code MessageSource} and {@code MessageSourceResolvable}. */
    static final String WORDING = "org\\.springframework\\.context\\.MessageSource(Resolvable)?";

    @Test
    void theSheetPackageIsPlainJava() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.baiti.sheet");

        // no Spring but the two interfaces that word a row error's reason (RowError: a refusal's detail)
        noClasses().should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta..")
                        .and(not(nameMatching(WORDING))))
                .check(classes);
        // only on the text policy, itself plain Java (RulesHaveNoFrameworkTest), and the refusal a row error details
        noClasses().should().dependOnClassesThat(resideInAPackage("org.baiti..")
                        .and(not(resideInAPackage("org.baiti.sheet..")))
                        .and(not(resideInAPackage("org.baiti.text..")))
                        .and(not(resideInAPackage("org.baiti.refusal.."))))
                .check(classes);
    }
}
