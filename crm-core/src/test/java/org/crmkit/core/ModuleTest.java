package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.customer.Customer;
import org.junit.jupiter.api.Test;

class ModuleTest {
    @Test
    void module_nameAndExportedPackages() {
        Module module = Customer.class.getModule();
        assertThat(module.isNamed()).as("tests run on the module path").isTrue();
        ModuleDescriptor descriptor = module.getDescriptor();
        assertThat(descriptor.name()).isEqualTo("org.crmkit.core");
        Set<String> exports = descriptor.exports().stream()
                .peek(e -> assertThat(e.isQualified()).as("qualified export %s", e).isFalse())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(exports).containsExactlyInAnyOrder(
                "org.crmkit.core.money",
                "org.crmkit.core.customer",
                "org.crmkit.core.ownership",
                "org.crmkit.core.activity",
                "org.crmkit.core.store",
                "org.crmkit.core.view",
                "org.crmkit.core.merge",
                "org.crmkit.core.json",
                "org.crmkit.core.lifecycle",
                "org.crmkit.core.segment",
                "org.crmkit.core.csv",
                "org.crmkit.core.campaign");
    }
}
