package org.baiti;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    @Test
    void featurePackagesFormAModuleStructureWithoutCyclesOrInternalAccess() {
        ApplicationModules modules = ApplicationModules.of(Application.class);
        assertThat(modules.stream().map(m -> m.getBasePackage().getName()))
                .contains("org.baiti.contest", "org.baiti.bank", "org.baiti.unit", "org.baiti.sheet");
        modules.verify();
    }
}
