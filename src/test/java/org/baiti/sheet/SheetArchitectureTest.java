package org.baiti.sheet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SheetArchitectureTest {

    @Test
    void theSheetPackageIsPlainJava() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.baiti.sheet");

        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .check(classes);
        // only on the text policy, itself plain Java (RulesHaveNoFrameworkTest)
        noClasses().should().dependOnClassesThat(resideInAPackage("org.baiti..")
                        .and(not(resideInAPackage("org.baiti.sheet..")))
                        .and(not(resideInAPackage("org.baiti.text.."))))
                .check(classes);
    }
}
