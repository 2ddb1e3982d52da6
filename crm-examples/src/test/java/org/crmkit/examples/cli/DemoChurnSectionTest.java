package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The demo's churn-warning and loyalty section (issue 11). */
class DemoChurnSectionTest {

    @Test
    void demo_printsWatchListEvaluationLoyaltyAndLifecycleMoves() {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Crm.run(new PrintWriter(o, true), new PrintWriter(e, true), "demo", "--customers", "400", "--seed",
                "3");
        assertThat(code).as(e.toString()).isZero();
        String out = o.toString();
        String section = out.substring(out.indexOf("Churn warning (crm-scoring churn)"));
        assertThat(section)
                .contains("Holdout check: risk at the calibration end")
                .contains("risk ", "p_alive", "recency_rank", "hiatus_")
                .contains("Watch list: top 10 by value at risk")
                .contains("Loyalty by category sequence: absolute")
                .contains("Dick & Basu cells", "true-loyalty", "latent", "spurious")
                .containsPattern("Lifecycle: \\d+ customers moved to decline by a churn warning")
                .contains("rule 'churn-warning': churn_level = ");
        // ten watch-list rows, each with a level and a value at risk
        String list = section.substring(section.indexOf("Watch list"), section.indexOf("Loyalty by"));
        assertThat(list.lines().filter(l -> l.matches("  C-\\d+ +[0-9.]+ (watch|warning|critical) .*"))).hasSize(10);
        // the same seed prints the same section
        StringWriter again = new StringWriter();
        Crm.run(new PrintWriter(again, true), new PrintWriter(new StringWriter(), true), "demo", "--customers", "400",
                "--seed", "3");
        String second = again.toString();
        // up to the database section, which names a fresh temporary folder and measured times
        assertThat(second.substring(second.indexOf("Churn warning (crm-scoring churn)"), second.indexOf("\nDatabase: ")))
                .isEqualTo(out.substring(out.indexOf("Churn warning (crm-scoring churn)"), out.indexOf("\nDatabase: ")));
    }
}
