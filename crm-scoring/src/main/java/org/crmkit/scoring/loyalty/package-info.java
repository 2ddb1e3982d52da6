/**
 * Loyal-customer identification (忠诚顾客识别).
 *
 * <p>Behavioural loyalty from purchase sequences: {@link
 * org.crmkit.scoring.loyalty.BrandSequences} holds each customer's brands (or products, or
 * categories) in date order; {@link org.crmkit.scoring.loyalty.BrandPatternClassifier} finds
 * the pattern ({@link org.crmkit.scoring.loyalty.BrandPattern}: hard-core, split, shifting,
 * switcher) and so the level ({@link org.crmkit.scoring.loyalty.LoyaltyLevel}: absolute,
 * strong, medium, none).
 *
 * <p>Behaviour with attitude: {@link org.crmkit.scoring.loyalty.LoyaltyIdentifier} places
 * customers ({@link org.crmkit.scoring.loyalty.LoyaltyEvidence}) in Dick and Basu's cells
 * ({@link org.crmkit.scoring.loyalty.LoyaltyCell}) with reasons, and
 * {@link org.crmkit.scoring.loyalty.LoyaltyReport} lists the loyal customers and counts
 * them per segment.
 */
package org.crmkit.scoring.loyalty;
