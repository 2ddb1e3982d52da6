/**
 * Calibration/holdout evaluation and comparison of buy-till-you-die models.
 *
 * <p>Entry points: {@link org.crmkit.scoring.evaluation.HoldoutData} (input),
 * {@link org.crmkit.scoring.evaluation.HoldoutEvaluation} (one model) and
 * {@link org.crmkit.scoring.evaluation.ModelComparison} (several models on one data set).
 */
package org.crmkit.scoring.evaluation;
