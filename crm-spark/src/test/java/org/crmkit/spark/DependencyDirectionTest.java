package org.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: crm-spark -> crm-scoring -> crm-core, and Spark stays here. */
class DependencyDirectionTest {

    @Test
    void coreAndScoring_neitherDeclareNorImportSpark() throws IOException {
        for (String module : new String[] {"crm-core", "crm-scoring"}) {
            Path dir = Path.of("..", module);
            assertThat(Files.readString(dir.resolve("pom.xml"))).as(module + " pom")
                    .doesNotContain("org.apache.spark", "crm-spark");
            try (Stream<Path> files = Files.walk(dir.resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        assertThat(Files.readString(f)).as(f.toString()).doesNotContain("org.apache.spark",
                                "org.crmkit.spark");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
    }

    @Test
    void spark_isProvidedScopeOnly() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        int sql = pom.indexOf("<artifactId>spark-sql_2.13</artifactId>");
        int mllib = pom.indexOf("<artifactId>spark-mllib_2.13</artifactId>");
        assertThat(sql).isPositive();
        assertThat(mllib).isPositive();
        assertThat(pom.substring(sql, pom.indexOf("</dependency>", sql))).contains("<scope>provided</scope>");
        assertThat(pom.substring(mllib, pom.indexOf("</dependency>", mllib))).contains("<scope>provided</scope>");
    }
}
