package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Mirrors the "Lifecycles" section of README.md so that its code compiles and does what it says. */
class ReadmeLifecycleExampleTest {

    /** The README's account. */
    record Account(boolean hasPaymentMethod) {
    }

    private static Lifecycle<Account, Void> onboarding() {
        return Lifecycle.<Account, Void>builder("onboarding")
                .initial("trial")
                .state("active", "at_risk")
                .terminal("closed")
                .transition("trial", "subscribe", "active", "hasPaymentMethod")
                .transition("active", "slip", "at_risk")
                .transition("at_risk", "recover", "active")
                .transition("trial", "close", "closed")
                .transition("at_risk", "close", "closed")
                .guard("hasPaymentMethod", (account, context) -> account.hasPaymentMethod())
                .build();
    }

    @Test
    void readme_javaExample() {
        Lifecycle<Account, Void> onboarding = onboarding();

        LifecyclePolicy policy = LifecyclePolicy.of("scores",
                Rule.of("low-p-alive", Rule.Condition.below("p_alive", 0.3), "slip", "active"));

        LifecycleTracker<String, Account, Void> tracker = LifecycleTracker.builder(onboarding)
                .policy(policy)
                .build();
        tracker.enrol("A-1", Instant.parse("2026-01-05T09:00:00Z"));
        Account account = new Account(true);

        Outcome subscribed = tracker.fire("A-1", account,
                Trigger.of("subscribe", Instant.parse("2026-01-12T09:00:00Z"), "sales", "card on file"));
        Optional<Outcome> slipped = tracker.applySignals("A-1", account,
                Signals.of("p_alive", 0.12), Instant.parse("2026-06-30T00:00:00Z"));

        assertThat(subscribed.moved()).isTrue();
        assertThat(((Outcome.Moved) slipped.orElseThrow()).explain()).isEqualTo("rule 'low-p-alive': p_alive = 0.12 < 0.3");
        assertThat(tracker.record("A-1").orElseThrow().stateAt(Instant.parse("2026-03-01T00:00:00Z")))
                .contains(onboarding.state("active"));
        assertThat(onboarding.toMermaid()).startsWith("stateDiagram-v2\n    [*] --> trial\n");
    }

    @Test
    void readme_jsonExampleEqualsTheJavaDefinition() throws IOException {
        Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(readme), "README.md not found at " + readme);
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int section = text.indexOf("## Lifecycles");
        assertThat(section).as("README has a Lifecycles section").isNotNegative();
        int start = text.indexOf("```json\n", section) + "```json\n".length();
        String json = text.substring(start, text.indexOf("```", start));

        Lifecycle<Account, Void> fromJson = LifecycleJson.readLifecycle(json,
                Bindings.<Account, Void>builder()
                        .guard("hasPaymentMethod", (account, context) -> account.hasPaymentMethod())
                        .build());

        assertThat(fromJson).isEqualTo(onboarding());
    }
}
