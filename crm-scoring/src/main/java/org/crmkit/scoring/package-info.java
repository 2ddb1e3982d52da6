/**
 * Root package of crmkit scoring: {@link org.crmkit.scoring.Parallelism}, the one setting
 * of where every bulk operation (bulk predictions, fits, summaries, RFM scores, holdout
 * evaluation) runs.
 */
package org.crmkit.scoring;
