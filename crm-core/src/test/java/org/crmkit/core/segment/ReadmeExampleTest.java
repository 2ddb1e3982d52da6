package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Mirrors the README section "Segmentation rules": the Java and the JSON must be the same segment. */
class ReadmeExampleTest {

    static Segmentation javaVersion() {
        return Segmentation.builder("promo")
                .mode(Segmentation.Mode.FIRST_MATCH)
                .defaultSegment("rest")
                .segment("book-lovers", "adults reachable by e-mail who spent 500+ on books in 90 days",
                        Rules.all(
                                Rules.attribute("age").isAtLeast(18),
                                Rules.attribute("consent_email").isEqualTo(true),
                                Rules.purchases().lastDays(90).inCategories("books").sum().isAtLeast(500)))
                .build();
    }

    static String readmeJson() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        int section = text.indexOf("## Segmentation rules");
        int start = text.indexOf("```json\n", section) + "```json\n".length();
        return text.substring(start, text.indexOf("```", start));
    }

    @Test
    void readme_javaAndJsonAreTheSameSegment() throws IOException {
        Segmentation fromJson = RuleJson.readSegmentation(readmeJson(), StandardAttributes.registry());
        assertThat(fromJson).isEqualTo(javaVersion());
    }

    @Test
    void readme_segmentAssignsAndExplains() {
        CompiledSegmentation compiled = javaVersion().compile(StandardAttributes.registry());
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        SubjectRecord subject = new SubjectRecord(StandardAttributes.registry()).asOf(asOf)
                .setNumber("age", 35).setBool("consent_email", true)
                .addPurchase(asOf.minusDays(5), 320, "isbn-1", "books", "web")
                .addPurchase(asOf.minusDays(60), 200, "isbn-2", "books", "store");
        String segment = compiled.assignName(subject);
        String why = compiled.explain(subject, "book-lovers").toText();
        assertThat(segment).isEqualTo("book-lovers");
        assertThat(why).contains("[yes] consent_email = true (consent_email = true)")
                .contains("= 520)");
    }
}
