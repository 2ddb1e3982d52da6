/**
 * Cross-selling from market baskets (顾客购买行为参考, 交叉销售): frequent itemsets,
 * association rules with the semantics of R arules, and the next best product for a customer.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.crmkit.scoring.basket.Baskets}: the data, built in code, from crm-core
 *       purchases, from a basket file ({@link org.crmkit.scoring.basket.BasketFile}) or a
 *       transactions CSV ({@link org.crmkit.scoring.basket.BasketCsv});
 *       {@link org.crmkit.scoring.basket.QuestGenerator} simulates them;</li>
 *   <li>{@link org.crmkit.scoring.basket.ItemsetMiner} finds
 *       {@link org.crmkit.scoring.basket.FrequentItemsets} (closed and maximal ones too);</li>
 *   <li>{@link org.crmkit.scoring.basket.RuleMiner} streams
 *       {@link org.crmkit.scoring.basket.AssociationRule}s or collects a sorted
 *       {@link org.crmkit.scoring.basket.RuleSet}; {@link org.crmkit.scoring.basket.RuleCsv}
 *       writes and reads them;</li>
 *   <li>{@link org.crmkit.scoring.basket.NextBestProduct} ranks the items a customer does not
 *       own yet, each with the rule that fired; {@link org.crmkit.scoring.basket.TargetList}
 *       makes a consent-aware campaign list; {@link org.crmkit.scoring.basket.TopKEvaluation}
 *       scores recommendations on a holdout beside a popularity baseline.</li>
 * </ul>
 *
 * <pre>{@code
 * FrequentItemsets sets = ItemsetMiner.builder().minSupport(0.01).build().mine(baskets);
 * RuleSet rules = RuleMiner.builder().minConfidence(0.3).minLen(2).build().collect(sets);
 * NextBestProduct nbp = NextBestProduct.builder(rules.toList()).build();
 * List<Recommendation> offers = nbp.recommend(Set.of("garden"), 3);
 * }</pre>
 */
package org.crmkit.scoring.basket;
