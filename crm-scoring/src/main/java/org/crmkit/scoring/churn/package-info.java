/**
 * Churn warning (顾客流失警示): who is about to leave, why, and how sure we are.
 *
 * <p>Non-contractual customers (no cancellation is observed): {@link
 * org.crmkit.scoring.churn.NoPurchaseRisk} gives the probability of no purchase in the next
 * window from a fitted purchase model; {@link org.crmkit.scoring.churn.WarningPolicy} turns
 * it and the customer's record ({@link org.crmkit.scoring.churn.ChurnEvidence}) into a
 * {@link org.crmkit.scoring.churn.WarningLevel} with {@link org.crmkit.scoring.churn.ChurnReason}s;
 * {@link org.crmkit.scoring.churn.ChurnScorer} scores a customer base into
 * {@link org.crmkit.scoring.churn.ChurnScores} with a watch list by value at risk;
 * {@link org.crmkit.scoring.churn.ChurnReport} evaluates the risk on a holdout period
 * against baselines ({@link org.crmkit.scoring.churn.ChurnEvaluation}: AUC, Brier,
 * deciles, precision@k, recall@k) and {@link org.crmkit.scoring.churn.AucComparison}
 * (DeLong's paired test).
 *
 * <p>Contractual or attribute-based churn (labels known): {@link
 * org.crmkit.scoring.churn.ChurnTable} reads customer attributes from a CSV export,
 * {@link org.crmkit.scoring.churn.LogisticChurnModel} is an L2-regularised logistic
 * regression fitted by Newton's method (IRLS) with k-fold cross-validation and JSON
 * persistence.
 *
 * <p>Lifecycle link: {@link org.crmkit.scoring.churn.ChurnSignals} turns scores into
 * lifecycle {@code Signals}.
 *
 */
package org.crmkit.scoring.churn;
