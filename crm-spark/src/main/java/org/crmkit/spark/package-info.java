/**
 * crmkit on Apache Spark: the summaries, fits, scores, RFM and ABC classes and association
 * rules of crm-scoring computed on Spark datasets, with the same numbers.
 *
 * <p>Entry points: {@code SparkSummarizer} (transactions to summaries),
 * {@code SparkBtydFitter} (every buy-till-you-die model fitted without
 * collecting customers), {@code BtydScorer} (a Spark ML
 * {@code Transformer}) and {@code SparkScoring} (the same as a
 * {@code mapPartitions} function), {@code SparkRfm} (RFM scores and ABC
 * classes by exact distributed quantiles) and {@code SparkRules}
 * (association rules from baskets).
 *
 * <p>Spark is a {@code provided} dependency: the application or cluster brings it.
 */
package org.crmkit.spark;
