/**
 * Textbook customer lifetime value and the current-versus-potential value matrix.
 *
 * <p>Entry points: {@link org.crmkit.scoring.value.LifetimeValue} (simple and
 * retention-based formulas) and {@link org.crmkit.scoring.value.ValueMatrix}.
 *
 * <pre>{@code
 * double clv = LifetimeValue.retentionPerpetuity(100, 0.8, 0.1);
 * ValueQuadrant q = ValueMatrix.of(1_000, 5_000).classify(1_200, 8_000); // MOST_VALUABLE
 * }</pre>
 */
package org.crmkit.scoring.value;
