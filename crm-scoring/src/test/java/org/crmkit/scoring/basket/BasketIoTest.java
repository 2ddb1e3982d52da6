package org.crmkit.scoring.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;

class BasketIoTest {
    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basketFile_readsVaryingWidthQuotesAndWhitespace() throws IOException {
        Baskets b = BasketFile.read(new StringReader("\uFEFFrake, gloves\n\n\"seed, mix\",rake,rake\r\ntools\n"),
                "b.csv", CsvReader.Options.comma());
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.basket(0)).containsExactly("rake", "gloves");
        assertThat(b.basket(1)).containsExactlyInAnyOrder("seed, mix", "rake");
        Baskets w = BasketFile.read(new StringReader("a  b\tc\n d\n"), "w.txt", CsvReader.Options.whitespaceDelimited());
        assertThat(w.basket(0)).containsExactly("a", "b", "c");
        assertThat(w.basket(1)).containsExactly("d");
    }

    @Test
    void basketFile_emptyItem_namesFileLineAndField() {
        assertThatThrownBy(() -> BasketFile.read(new StringReader("a,b\n\na,,c\n"), "b.csv", CsvReader.Options.comma()))
                .isInstanceOf(CsvFormatException.class).hasMessage("b.csv:3: field '2': empty item");
        assertThatThrownBy(() -> BasketFile.read(new StringReader("a,\"b\n"), "b.csv", CsvReader.Options.comma()))
                .isInstanceOf(CsvFormatException.class).hasMessageStartingWith("b.csv:1: field '2'");
    }

    @Test
    void basketCsv_byOrderId_byCustomerAndDay_andRolledUpToCategory() {
        String csv = "order,customer,date,product,category\n"
                + "o1,c1,2026-01-05,rake,garden\n"
                + "o1,c1,2026-01-05,hammer,tools\n"
                + "o2,c1,2026-01-05T18:00:00,spade,garden\n"
                + "o3,c2,2026-01-06,rake,garden\n";
        Baskets byOrder = BasketCsv.builder().basketColumn("order").itemColumn("product").build()
                .read(bytes(csv), "t.csv");
        assertThat(byOrder.size()).isEqualTo(3);
        Baskets byDay = BasketCsv.builder().customerColumn("customer").dateColumn("date").itemColumn("product")
                .build().read(bytes(csv), "t.csv");
        assertThat(byDay.size()).isEqualTo(2);
        assertThat(byDay.basket(0)).containsExactly("rake", "hammer", "spade");
        Baskets categories = BasketCsv.builder().customerColumn("2").dateColumn("3").itemColumn("4")
                .categoryColumn("5").options(CsvReader.Options.comma().withoutHeader()).build()
                .read(bytes(csv.substring(csv.indexOf('\n') + 1)), "t.csv");
        assertThat(categories.basket(0)).containsExactly("garden", "tools");
    }

    @Test
    void basketCsv_badInput_namesFileLineAndColumn() {
        String csv = "order,product\no1,rake\no2,\n";
        assertThatThrownBy(() -> BasketCsv.builder().basketColumn("order").itemColumn("product").build()
                .read(bytes(csv), "t.csv")).isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("t.csv:3: field 'product'");
        assertThatThrownBy(() -> BasketCsv.builder().basketColumn("basket").itemColumn("product").build()
                .read(bytes(csv), "t.csv")).isInstanceOf(CsvFormatException.class).hasMessageContaining("basket");
        assertThatThrownBy(() -> BasketCsv.builder().customerColumn("c").dateColumn("d").dateFormat("yyyyMMdd")
                .itemColumn("i").build().read(bytes("c,d,i\nx,2026-01-01,a\n"), "t.csv"))
                .isInstanceOf(CsvFormatException.class).hasMessage("t.csv:2: field 'd': is not a date in the given format");
        assertThatThrownBy(() -> BasketCsv.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BasketCsv.builder().itemColumn("i").build().read(bytes("i\na\n"), "t.csv"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fromPurchases_groupsByCustomerAndDayAndLeavesOutReturns() {
        Instant day1 = Instant.parse("2026-03-01T09:00:00Z");
        Purchase a = Purchase.of(ActivityId.of("P-1"), CustomerId.of("C-1"), day1, Channel.STORE, Actor.CUSTOMER,
                "rake", "garden", 1, Money.of("EUR", "10.00"));
        Purchase b = Purchase.of(ActivityId.of("P-2"), CustomerId.of("C-1"), day1.plusSeconds(3600), Channel.STORE,
                Actor.CUSTOMER, "hammer", "tools", 1, Money.of("EUR", "12.00"));
        Purchase c = Purchase.of(ActivityId.of("P-3"), CustomerId.of("C-1"), day1.plusSeconds(86_400), Channel.WEB,
                Actor.CUSTOMER, "seeds", "garden", 1, Money.of("EUR", "2.00"));
        Purchase back = b.returnLine(ActivityId.of("R-1"), day1.plusSeconds(7200), 1, Actor.CUSTOMER);
        Baskets products = Baskets.fromPurchases(List.of(a, b, back, c), ZoneOffset.UTC, ItemLevel.PRODUCT);
        assertThat(products.size()).isEqualTo(2);
        assertThat(products.basket(0)).containsExactly("rake", "hammer");
        Baskets categories = Baskets.fromPurchases(List.of(a, b, c), ZoneOffset.UTC, ItemLevel.CATEGORY);
        assertThat(categories.basket(0)).containsExactly("garden", "tools");
        assertThat(categories.basket(1)).containsExactly("garden");
    }

    @Test
    void ruleCsv_roundTripsIncludingInfiniteConvictionAndEmptyLhs() throws IOException {
        List<AssociationRule> rules = List.of(
                AssociationRule.fromCounts(List.of("a", "b"), List.of("c"), 3, 4, 5, 10),
                AssociationRule.fromCounts(List.of(), List.of("c"), 5, 10, 5, 10),
                AssociationRule.fromCounts(List.of("x"), List.of("y"), 2, 2, 3, 10000));
        StringWriter w = new StringWriter();
        RuleCsv.writeHeader(w);
        for (AssociationRule r : rules) {
            RuleCsv.writeRule(w, r);
        }
        String text = w.toString();
        assertThat(text.lines()).containsExactly(
                "lhs,rhs,support,confidence,lift,leverage,conviction,count",
                // 3/10, 3/4, 0.75/0.5, 0.3 - 0.4*0.5, (1-0.5)/(1-0.75)
                "a|b,c,0.3,0.75,1.5,0.1,2,3",
                ",c,0.5,0.5,1,0,1,5",
                // 2/10000, 1, 1/0.0003, 0.0002 - 0.0002*0.0003
                "x,y,0.0002,1,3333.3333333333335,0.00019994,inf,2");
        assertThat(RuleCsv.read(bytes(text), "r.csv")).isEqualTo(rules);
    }

    @Test
    void ruleCsv_read_badInputNamesLineAndField() {
        String head = "lhs,rhs,support,confidence,lift,leverage,conviction,count\n";
        assertThatThrownBy(() -> RuleCsv.read(bytes(head + "a,,0.1,0.5,1,0,1,3\n"), "r.csv"))
                .isInstanceOf(CsvFormatException.class).hasMessageStartingWith("r.csv:2: field 'rhs'");
        assertThatThrownBy(() -> RuleCsv.read(bytes(head + "a,b,x,0.5,1,0,1,3\n"), "r.csv"))
                .isInstanceOf(CsvFormatException.class).hasMessageStartingWith("r.csv:2: field 'support'");
        assertThatThrownBy(() -> RuleCsv.read(bytes(head + "a,a,0.1,0.5,1,0,1,3\n"), "r.csv"))
                .isInstanceOf(CsvFormatException.class).hasMessageStartingWith("r.csv:2:");
        assertThatThrownBy(() -> RuleCsv.read(bytes("lhs,rhs\n"), "r.csv"))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("support");
        assertThatThrownBy(() -> RuleCsv.join(List.of("a|b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemsetCsv_sortedBySupportThenSize() throws IOException {
        FrequentItemsets sets = ItemsetMiner.builder().minSupport(0.5).build()
                .mine(Baskets.builder().add("b", "a").add("a").add("a", "b").add("c").build());
        StringWriter w = new StringWriter();
        ItemsetCsv.write(w, sets);
        // a in 3 of 4, b in 2, {a,b} in 2; c in 1 < 2
        assertThat(w.toString().lines()).containsExactly("items,support,count,size", "a,0.75,3,1", "b,0.5,2,1",
                "a|b,0.5,2,2");
    }

    @Test
    void number_isPlainShortestAndLocaleFree() {
        assertThat(RuleCsv.number(1e-7)).isEqualTo("0.0000001");
        assertThat(RuleCsv.number(-0.0123)).isEqualTo("-0.0123");
        assertThat(RuleCsv.number(2.0)).isEqualTo("2");
        assertThatThrownBy(() -> RuleCsv.number(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AssociationRule(List.of(), List.of("a"), 1, 1, 1, 0, OptionalDouble.empty(), 1).toString())
                .isEqualTo("{} => {a}");
        assertThat(Map.of("k", Set.of()).size()).isEqualTo(1);
    }
}
