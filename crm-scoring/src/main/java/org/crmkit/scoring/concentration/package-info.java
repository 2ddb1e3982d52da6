/**
 * Concentration of revenue among customers: the 80/20 rule, Lorenz curve, Gini
 * coefficient and ABC classes.
 *
 * <p>Entry point: {@link org.crmkit.scoring.concentration.RevenueConcentration}.
 *
 * <pre>{@code
 * RevenueConcentration c = RevenueConcentration.of(revenue);
 * System.out.println(c.shareOfTop(0.2) + " " + c.gini());
 * }</pre>
 */
package org.crmkit.scoring.concentration;
