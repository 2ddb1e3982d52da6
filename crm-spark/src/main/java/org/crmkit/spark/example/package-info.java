/**
 * A runnable example: {@link org.crmkit.spark.example.SparkScoringExample} simulates,
 * summarises, fits and scores N customers on Spark.
 */
package org.crmkit.spark.example;
