package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

/** Pins the module surface: its name and exported packages. */
class ModuleTest {
    @Test
    void module_declaresBuyTillYouDieServiceProviders() {
        ModuleDescriptor d = CustomerSummaries.class.getModule().getDescriptor();
        assertThat(d.uses()).contains("org.crmkit.scoring.btyd.BtydModel");
        assertThat(d.provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo("org.crmkit.scoring.btyd.BtydModel");
            assertThat(p.providers()).contains("org.crmkit.scoring.btyd.internal.BgNbdModel",
                    "org.crmkit.scoring.btyd.internal.MbgNbdModel",
                    "org.crmkit.scoring.btyd.internal.GammaGammaModel");
        });
    }

    @Test
    void module_nameAndExportedPackages() {
        Module module = CustomerSummaries.class.getModule();
        assertThat(module.isNamed()).as("tests run on the module path").isTrue();
        ModuleDescriptor d = module.getDescriptor();
        assertThat(d.name()).isEqualTo("org.crmkit.scoring");
        Set<String> exported = d.exports().stream()
                .peek(e -> assertThat(e.isQualified()).as(e.source()).isFalse())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported).containsExactlyInAnyOrder(
                "org.crmkit.scoring",
                "org.crmkit.scoring.summary",
                "org.crmkit.scoring.rfm",
                "org.crmkit.scoring.concentration",
                "org.crmkit.scoring.value",
                "org.crmkit.scoring.btyd",
                "org.crmkit.scoring.evaluation",
                "org.crmkit.scoring.inference",
                "org.crmkit.scoring.satisfaction",
                "org.crmkit.scoring.campaign",
                "org.crmkit.scoring.service",
                "org.crmkit.scoring.churn",
                "org.crmkit.scoring.loyalty",
                "org.crmkit.scoring.basket",
                "org.crmkit.scoring.retention",
                "org.crmkit.scoring.uncertainty",
                "org.crmkit.scoring.diagnostics");
    }
}
