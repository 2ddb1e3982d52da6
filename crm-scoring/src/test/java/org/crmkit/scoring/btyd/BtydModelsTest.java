package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BtydModelsTest {

    private static final String SERVICE = "org.crmkit.scoring.btyd.BtydModel";

    @Test
    void servicesFile_listsExactlyTheModuleProviders() throws IOException {
        Module module = BtydModels.class.getModule();
        ModuleDescriptor.Provides provides = module.getDescriptor().provides().stream()
                .filter(p -> p.service().equals(SERVICE)).findFirst().orElseThrow();
        List<String> listed;
        try (InputStream in = module.getResourceAsStream("META-INF/services/" + SERVICE)) {
            assertThat(in).as("META-INF/services file").isNotNull();
            listed = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).toList();
        }
        assertThat(listed).containsExactlyElementsOf(provides.providers());
    }

    @Test
    void all_listsTheSixBuiltInsFirstInOrder() {
        assertThat(BtydModels.names()).startsWith("bg-nbd", "mbg-nbd", "gamma-gamma", "pareto-nbd", "bg-bb",
                "ggompertz-nbd");
        assertThat(BtydModels.names()).doesNotHaveDuplicates();
    }

    @Test
    void byName_findsEachBuiltInWithItsParameters() {
        assertThat(BtydModels.require("bg-nbd").parameterNames()).isEqualTo(BgNbd.model().parameterNames());
        assertThat(BtydModels.require("mbg-nbd").parameterNames()).isEqualTo(MbgNbd.model().parameterNames());
        assertThat(BtydModels.require("gamma-gamma").parameterNames()).containsExactly("p", "q", "v");
        assertThat(BtydModels.require("pareto-nbd").parameterNames()).containsExactly("r", "alpha", "s", "beta");
        assertThat(BtydModels.require("bg-bb").parameterNames()).containsExactly("alpha", "beta", "gamma", "delta");
        assertThat(BtydModels.require("ggompertz-nbd").parameterNames()).containsExactly("r", "alpha", "b", "s", "beta");
        assertThat(BtydModels.require("pareto-nbd").withParameters(new double[] {1, 2, 3, 4}))
                .isEqualTo(ParetoNbd.of(1, 2, 3, 4));
    }

    @Test
    void require_unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> BtydModels.require("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown model 'nope'").hasMessageContaining("bg-bb");
        assertThatThrownBy(() -> BtydModels.byName(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name");
    }
}
