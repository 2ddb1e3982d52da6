/**
 * RFM scoring (recency, frequency, monetary value; Hughes 1994) with quantile or
 * breakpoint scores, a weighted combined score and named segments whose rules are data.
 *
 * <p>Entry points: {@link org.crmkit.scoring.rfm.RfmScorer} (scores customers),
 * {@link org.crmkit.scoring.rfm.QuantileScores} and {@link org.crmkit.scoring.rfm.Breakpoints}
 * (score one column), {@link org.crmkit.scoring.rfm.RfmSegmentMap} (segments from JSON
 * rules).
 *
 * <pre>{@code
 * RfmScores scores = RfmScorer.builder().build().score(summaries);
 * String[] segments = RfmSegmentMap.defaults().segments(scores);
 * }</pre>
 */
package org.crmkit.scoring.rfm;
