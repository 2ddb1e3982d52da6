package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.crmkit.scoring.btyd.BtydModels;
import org.junit.jupiter.api.Test;

class FitCommandModelsTest {

    @Test
    void help_listsEveryRegisteredModel() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), "fit", "--help");
        assertThat(code).isZero();
        String help = (out.toString() + err).replaceAll("\\s+", " ");
        assertThat(BtydModels.names()).hasSizeGreaterThanOrEqualTo(5);
        for (String name : BtydModels.names()) {
            assertThat(help).contains(name);
        }
    }

    @Test
    void fit_unknownModel_namesTheRegisteredOnes() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), "fit", "--model", "nope",
                "--summary", "does-not-matter.csv");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("nope").contains(String.join(", ", BtydModels.names()));
    }
}
