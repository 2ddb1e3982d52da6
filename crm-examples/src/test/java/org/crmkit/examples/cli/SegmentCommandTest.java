package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    static final String RULES = "{\"segmentation\":\"promo\",\"mode\":\"first-match\",\"default\":\"rest\","
            + "\"attributes\":[{\"name\":\"shop.points\",\"type\":\"number\"}],"
            + "\"segments\":["
            + "{\"name\":\"gold\",\"rule\":{\"attribute\":\"abc_class\",\"op\":\"=\",\"value\":\"A\"}},"
            + "{\"name\":\"loyal\",\"rule\":{\"all\":[{\"attribute\":\"shop.points\",\"op\":\">=\",\"value\":1000},"
            + "{\"attribute\":\"tags\",\"op\":\"contains\",\"value\":\"vip\"}]}}]}";

    int run(String... args) {
        return Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void segment_csvCustomers() throws Exception {
        Path rules = write("rules.json", RULES);
        Path customers = write("c.csv", "customer_id,abc_class,shop.points,tags\n"
                + "C-1,A,10,\n"
                + "C-2,B,1500,vip|web\n"
                + "\"C,3\",,1500,web\n");
        Path target = dir.resolve("out.csv");
        int code = run("segment", "--rules", rules.toString(), "--customers", customers.toString(),
                "--out", target.toString(), "--as-of", "2026-06-30");
        assertThat(out.toString()).isEmpty();
        assertThat(code).as(err::toString).isZero();
        assertThat(Files.readString(target)).isEqualTo("customer_id,segment\nC-1,gold\nC-2,loyal\n\"C,3\",rest\n");
        // the counts are a status report: stderr, so that --out - leaves a clean CSV on stdout
        assertThat(err.toString()).isEqualTo("segment,count\ngold,1\nloyal,1\nrest,1\n".replace("\n", System.lineSeparator()));
    }

    @Test
    void segment_jsonCustomersWithBuiltInRules() throws Exception {
        Path rules = write("rules.json", org.crmkit.core.segment.BuiltInSegmentations.json("rfm-segments"));
        Path customers = write("c.json", "[{\"customer_id\":\"C-1\",\"rfm_r\":5,\"rfm_f\":5,\"rfm_m\":5},\n"
                + " {\"customer_id\":\"C-2\",\"rfm_r\":1,\"rfm_f\":1,\"rfm_m\":null}]");
        Path target = dir.resolve("out.csv");
        int code = run("segment", "--rules", rules.toString(), "--customers", customers.toString(),
                "--out", target.toString());
        assertThat(code).as(err::toString).isZero();
        assertThat(Files.readString(target)).isEqualTo("customer_id,segment\nC-1,champions\nC-2,lost\n");
    }

    @Test
    void segment_badCellNamesFileLineAndField() throws Exception {
        Path rules = write("rules.json", RULES);
        Path customers = write("c.csv", "customer_id,abc_class,shop.points\nC-1,A,10\nC-2,B,lots\n");
        int code = run("segment", "--rules", rules.toString(), "--customers", customers.toString(),
                "--out", dir.resolve("o.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("crm: " + customers + ": line 3, field 'shop.points': not a number"
                + " (expected a decimal such as 12.5)" + System.lineSeparator());
    }

    @Test
    void segment_undeclaredEnumValueAndUnknownColumn() throws Exception {
        Path rules = write("rules.json", RULES);
        Path c1 = write("c1.csv", "customer_id,abc_class\nC-1,D\n");
        assertThat(run("segment", "--rules", rules.toString(), "--customers", c1.toString(),
                "--out", dir.resolve("o.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 2, field 'abc_class'").contains("not a declared value, expected one of [A, B, C]").doesNotContain("'D'");
        Path c2 = write("c2.csv", "customer_id,colour\nC-1,red\n");
        assertThat(run("segment", "--rules", rules.toString(), "--customers", c2.toString(),
                "--out", dir.resolve("o.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1, field 'colour': unknown attribute");
    }

    @Test
    void segment_invalidRulesNamePathWithoutStackTrace() throws Exception {
        Path rules = write("rules.json", RULES.replace("\"abc_class\"", "\"abc_klass\"").replace("\"segments\":[", "\"segments\":[\n"));
        Path customers = write("c.csv", "customer_id\nC-1\n");
        int code = run("segment", "--rules", rules.toString(), "--customers", customers.toString(),
                "--out", dir.resolve("o.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(rules + ": line 2, field '$.segments[0].rule.attribute':"
                + " unknown attribute 'abc_klass'").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
        err.getBuffer().setLength(0);
        assertThat(run("segment", "--rules", rules.toString(), "--customers", customers.toString(),
                "--out", dir.resolve("o.csv").toString(), "--debug")).isEqualTo(2);
        assertThat(err.toString()).contains("\tat ");
    }

    @Test
    void segment_modelJsonCustomersWithActivities() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-06-30T12:00:00Z"),
                java.time.ZoneOffset.UTC);
        org.crmkit.core.customer.CustomerId id = org.crmkit.core.customer.CustomerId.of("C-7");
        org.crmkit.core.customer.Customer c = org.crmkit.core.customer.Customer.builder(id,
                org.crmkit.core.customer.PersonProfile.builder(
                        org.crmkit.core.customer.PersonName.of("Ann", "Lee"), clock).build())
                .status(org.crmkit.core.customer.CustomerStatus.CURRENT)
                .financial(org.crmkit.core.customer.FinancialProfile.builder(clock).averagePaymentTermDays(14).build())
                .build();
        org.crmkit.core.activity.Purchase big = org.crmkit.core.activity.Purchase.of(
                org.crmkit.core.activity.ActivityId.of("P-1"), id, java.time.Instant.parse("2026-05-01T10:00:00Z"),
                org.crmkit.core.activity.Channel.WEB, org.crmkit.core.activity.Actor.of("rep-1"), "SKU-1", "books", 1,
                org.crmkit.core.money.Money.of("EUR", "12000.00"));
        String doc = "[{\"customer\": " + org.crmkit.core.json.CrmJson.write(c) + ",\n \"activities\": ["
                + org.crmkit.core.json.CrmJson.write(big) + "]}]";
        Path rules = write("rules.json", org.crmkit.core.segment.BuiltInSegmentations.json("status-classes"));
        Path customers = write("c.json", doc);
        Path target = dir.resolve("out.csv");
        int code = run("segment", "--rules", rules.toString(), "--customers", customers.toString(),
                "--out", target.toString(), "--as-of", "2026-06-30", "--zone", "Europe/Berlin");
        assertThat(code).as(err::toString).isZero();
        assertThat(Files.readString(target)).isEqualTo("customer_id,segment\nC-7,current-a-key\n");
        Path broken = write("b.json", doc.replace("\"EUR 12000.00\"", "\"EUR -5\""));
        err.getBuffer().setLength(0);
        assertThat(run("segment", "--rules", rules.toString(), "--customers", broken.toString(),
                "--out", target.toString(), "--as-of", "2026-06-30")).isEqualTo(2);
        assertThat(err.toString()).startsWith("crm: " + broken + ": line 2, field 'activities[0]");
    }
}
