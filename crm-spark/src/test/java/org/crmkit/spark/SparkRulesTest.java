package org.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.scoring.basket.AssociationRule;
import org.crmkit.scoring.basket.Baskets;
import org.crmkit.scoring.basket.ItemsetMiner;
import org.crmkit.scoring.basket.QuestGenerator;
import org.crmkit.scoring.basket.RuleMiner;
import org.junit.jupiter.api.Test;

class SparkRulesTest {

    private static Dataset<Row> dataset(Baskets baskets) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < baskets.size(); i++) {
            rows.add(RowFactory.create(baskets.basket(i)));
        }
        StructType schema = new StructType().add("items", DataTypes.createArrayType(DataTypes.StringType), false);
        return TestSpark.session().createDataFrame(rows, schema).repartition(3);
    }

    @Test
    void mine_questBaskets_equalsTheSingleMachineRuleSet() {
        Baskets baskets = QuestGenerator.builder().baskets(3000).items(60).patterns(20).meanBasketSize(6)
                .meanPatternSize(3).seed(7).build().generate();
        Dataset<Row> data = dataset(baskets).cache();
        for (boolean redundant : new boolean[] {false, true}) {
            RuleMiner.Builder single = RuleMiner.builder().minConfidence(0.3).minLen(2).maxLen(4);
            SparkRules.Builder spark = SparkRules.builder().minSupport(0.01).minConfidence(0.3).minLen(2).maxLen(4);
            if (redundant) {
                single.removeRedundant();
                spark.removeRedundant();
            }
            List<AssociationRule> expected = single.build()
                    .collect(ItemsetMiner.builder().minSupport(0.01).maxLen(4).build().mine(baskets)).toList();
            List<AssociationRule> actual = spark.build().mine(data, "items");
            assertThat(expected).isNotEmpty();
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }
        data.unpersist();
    }

    @Test
    void mine_supportOnAnIntegerBoundaryAndEmptyRules_asTheSingleMachine() {
        // 100 baskets at support 0.07: 7 baskets suffice, though 100 * 0.07 is 7.000000000000001
        Baskets.Builder b = Baskets.builder();
        for (int i = 0; i < 100; i++) {
            if (i < 7) {
                b.add("rake", "gloves");
            } else if (i < 20) {
                b.add("rake", "seeds", "rake");
            } else if (i < 30) {
                b.add(List.of());
            } else {
                b.add("seeds");
            }
        }
        Baskets baskets = b.build();
        List<AssociationRule> expected = RuleMiner.builder().minConfidence(0.0).build()
                .collect(ItemsetMiner.builder().minSupport(0.07).build().mine(baskets)).toList();
        List<AssociationRule> actual = SparkRules.builder().minSupport(0.07).minConfidence(0.0).build()
                .mine(dataset(baskets), "items");
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(actual).anyMatch(r -> r.lhs().isEmpty());
        assertThat(actual).anyMatch(r -> r.rhs().equals(List.of("gloves")) && r.count() == 7);
    }

    @Test
    void badInput_isRejected() {
        assertThatThrownBy(() -> SparkRules.builder().minSupport(0.1).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SparkRules.builder().minSupport(0)).isInstanceOf(IllegalArgumentException.class);
        Baskets baskets = Baskets.builder().add("a").build();
        SparkRules rules = SparkRules.builder().minSupport(0.1).minConfidence(0.1).build();
        assertThatThrownBy(() -> rules.mine(dataset(baskets), "basket")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'basket'");
    }
}
