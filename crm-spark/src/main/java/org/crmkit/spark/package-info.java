/**
 * crmkit on Apache Spark: the summaries, fits, scores, RFM and ABC classes and association
 * rules of crm-scoring computed on Spark datasets, with the same numbers.
 *
 * <p>Entry points: {@link org.crmkit.spark.SparkSummarizer} (transactions to summaries),
 * {@link org.crmkit.spark.SparkBtydFitter} (every buy-till-you-die model fitted without
 * collecting customers), {@link org.crmkit.spark.BtydScorer} (a Spark ML
 * {@code Transformer}) and {@link org.crmkit.spark.SparkScoring} (the same as a
 * {@code mapPartitions} function), {@link org.crmkit.spark.SparkRfm} (RFM scores and ABC
 * classes by exact distributed quantiles) and {@link org.crmkit.spark.SparkRules}
 * (association rules from baskets).
 *
 * <p>Spark is a {@code provided} dependency: the application or cluster brings it.
 */
package org.crmkit.spark;
