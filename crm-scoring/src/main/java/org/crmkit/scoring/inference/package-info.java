/**
 * Confidence intervals and tests for the differences managers ask about: two response
 * rates, two means, two net promoter scores.
 *
 * <p>Entry points: {@link org.crmkit.scoring.inference.ConfidenceInterval} and
 * {@link org.crmkit.scoring.inference.Difference}.
 */
package org.crmkit.scoring.inference;
