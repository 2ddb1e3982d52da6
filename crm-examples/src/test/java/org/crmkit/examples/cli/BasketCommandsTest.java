package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasketCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** The five baskets of Tan, Steinbach and Kumar (2006), table 6.1. */
    private static final String BASKETS = "bread,milk\nbread,diapers,beer,eggs\nmilk,diapers,beer,cola\n"
            + "bread,milk,diapers,beer\nbread,milk,diapers,cola\n";

    @Test
    void itemsets_writesItemsSupportCountSize(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("b.csv"), BASKETS);
        Path itemsets = dir.resolve("i.csv");
        int code = run("itemsets", "--baskets", in.toString(), "--min-support", "0.6", "--out", itemsets.toString());
        assertThat(code).as(err.toString()).isZero();
        // count >= 3: bread 4, diapers 4, milk 4, beer 3; pairs bread|diapers, bread|milk, beer|diapers, diapers|milk 3
        assertThat(Files.readAllLines(itemsets)).containsExactly("items,support,count,size",
                "bread,0.8,4,1", "diapers,0.8,4,1", "milk,0.8,4,1", "beer,0.6,3,1",
                "beer|diapers,0.6,3,2", "bread|diapers,0.6,3,2", "bread|milk,0.6,3,2", "diapers|milk,0.6,3,2");
        assertThat(err.toString()).contains("5 baskets, 6 items, 8 itemsets");
    }

    @Test
    void rules_fromBasketsAndFromTransactionsAgree(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("b.csv"), BASKETS);
        StringBuilder tx = new StringBuilder("customer,date,product\n");
        String[] lines = BASKETS.split("\n");
        for (int i = 0; i < lines.length; i++) {
            for (String item : lines[i].split(",")) {
                tx.append("C-").append(i % 2).append(",2026-01-0").append(i + 1).append(',').append(item).append('\n');
            }
        }
        Path transactions = Files.writeString(dir.resolve("t.csv"), tx.toString());
        Path r1 = dir.resolve("r1.csv");
        Path r2 = dir.resolve("r2.csv");
        assertThat(run("rules", "--baskets", in.toString(), "--min-support", "0.4", "--min-confidence", "0.7",
                "--min-len", "2", "--out", r1.toString())).as(err.toString()).isZero();
        assertThat(run("rules", "--transactions", transactions.toString(), "--customer-col", "customer",
                "--date-col", "date", "--item-col", "product", "--min-support", "0.4", "--min-confidence", "0.7",
                "--min-len", "2", "--out", r2.toString())).as(err.toString()).isZero();
        List<String> rules = Files.readAllLines(r1);
        assertThat(Files.readAllLines(r2)).isEqualTo(rules);
        assertThat(rules.get(0)).isEqualTo("lhs,rhs,support,confidence,lift,leverage,conviction,count");
        // {beer} => {diapers}: support 3/5, confidence 1, lift 1/0.8, leverage 0.6 - 0.48, conviction inf
        assertThat(rules).contains("beer,diapers,0.6,1,1.25,0.12,inf,3");
        // sorted by lift descending
        double previous = Double.MAX_VALUE;
        for (String line : rules.subList(1, rules.size())) {
            double lift = Double.parseDouble(line.split(",")[4]);
            assertThat(lift).isLessThanOrEqualTo(previous);
            previous = lift;
        }
        assertThat(err.toString()).contains("5 baskets, 6 items");
    }

    @Test
    void rules_noRedundantAndRhsFilter(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("b.csv"), BASKETS);
        Path all = dir.resolve("all.csv");
        Path pruned = dir.resolve("pruned.csv");
        run("rules", "--baskets", in.toString(), "--min-support", "0.4", "--min-confidence", "0.6", "--min-len", "2",
                "--rhs", "beer", "--out", all.toString());
        run("rules", "--baskets", in.toString(), "--min-support", "0.4", "--min-confidence", "0.6", "--min-len", "2",
                "--rhs", "beer", "--no-redundant", "--out", pruned.toString());
        assertThat(Files.readAllLines(all)).anyMatch(l -> l.startsWith("diapers|milk,beer,"))
                .allMatch(l -> l.startsWith("lhs") || l.split(",")[1].equals("beer"));
        // {diapers, milk} => {beer} (2/3) is less confident than {diapers} => {beer} (3/4)
        assertThat(Files.readAllLines(pruned)).noneMatch(l -> l.startsWith("diapers|milk,beer,"))
                .anyMatch(l -> l.startsWith("diapers,beer,"));
    }

    @Test
    void recommend_writesTopOffersWithTheRuleBehindEach(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("b.csv"), BASKETS);
        Path rules = dir.resolve("r.csv");
        run("rules", "--baskets", in.toString(), "--min-support", "0.4", "--min-confidence", "0.5", "--min-len", "2",
                "--out", rules.toString());
        Path tx = Files.writeString(dir.resolve("t.csv"), "customer,item\nann,beer\nbob,cola\nbob,milk\ncid,eggs\n");
        Path recs = dir.resolve("rec.csv");
        int code = run("recommend", "--rules", rules.toString(), "--transactions", tx.toString(),
                "--customer-col", "customer", "--item-col", "item", "--top", "2", "--out", recs.toString());
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(recs);
        assertThat(lines.get(0)).isEqualTo("customer_id,rank,item,score,confidence,lift,lhs,rhs");
        // ann owns beer: {beer} => {diapers} has confidence 1
        assertThat(lines.get(1)).isEqualTo("ann,1,diapers,1,1,1.25,beer,diapers");
        assertThat(lines).anyMatch(l -> l.startsWith("bob,1,"));
        assertThat(lines).noneMatch(l -> l.startsWith("cid,"));           // no rule fires on eggs
        assertThat(err.toString()).contains("3 customers").contains("2 customers with offers");
    }

    @Test
    void badInput_exitsTwoWithOneLineNamingFileLineAndField(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("b.csv"), "a,b\nc,,d\n");
        Path target = dir.resolve("i.csv");
        int code = run("itemsets", "--baskets", in.toString(), "--min-support", "0.5", "--out", target.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("b.csv: line 2, field '2': empty item").doesNotContain("Exception");
        assertThat(target).doesNotExist();
    }

    @Test
    void badOptions_exitTwo(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("b.csv"), BASKETS);
        assertThat(run("rules", "--min-support", "0.4", "--min-confidence", "0.5", "--out", "x.csv")).isEqualTo(2);
        assertThat(run("rules", "--baskets", in.toString(), "--min-support", "1.5", "--min-confidence", "0.5",
                "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(run("rules", "--transactions", in.toString(), "--item-col", "x", "--min-support", "0.5",
                "--min-confidence", "0.5", "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
        Path tx = Files.writeString(dir.resolve("t.csv"), "order,item\no1,a\no2,\n");
        err.getBuffer().setLength(0);
        assertThat(run("rules", "--transactions", tx.toString(), "--basket-col", "order", "--item-col", "item",
                "--min-support", "0.5", "--min-confidence", "0.5", "--out", dir.resolve("x.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString().strip()).contains("t.csv: line 3").contains("item").doesNotContain("\n");
    }
}
