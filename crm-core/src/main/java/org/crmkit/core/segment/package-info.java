/**
 * Segmentation rules: typed attributes, a rule language written in Java or JSON, compiled
 * evaluators, segmentations with explanations, and the textbook classifications built in.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.crmkit.core.segment.StandardAttributes} and
 *       {@link org.crmkit.core.segment.AttributeRegistry}: the attributes rules may read;</li>
 *   <li>{@link org.crmkit.core.segment.Rules}: the fluent Java API and the language's limits;</li>
 *   <li>{@link org.crmkit.core.segment.RuleJson}: the JSON form, validated on read;</li>
 *   <li>{@link org.crmkit.core.segment.Segmentation} and
 *       {@link org.crmkit.core.segment.CompiledSegmentation}: assign, explain and count;</li>
 *   <li>{@link org.crmkit.core.segment.Subject}, {@link org.crmkit.core.segment.SubjectRecord} and
 *       {@link org.crmkit.core.segment.CustomerSubject}: what rules read, by slot; the last
 *       derives the standard attributes from a customer and its activities;</li>
 *   <li>{@link org.crmkit.core.segment.BuiltInSegmentations}: status, cooperation, size, family
 *       life cycle, value tiers and RFM segments.</li>
 * </ul>
 *
 * <p>Absent values follow three-valued (Kleene) logic, see {@link org.crmkit.core.segment.Truth}:
 * a comparison with an absent value is UNKNOWN ({@code present}/{@code absent} are never
 * UNKNOWN); {@code not UNKNOWN} is UNKNOWN; {@code all} is FALSE if any part is FALSE, else
 * UNKNOWN if any part is UNKNOWN; {@code any} is TRUE if any part is TRUE, else UNKNOWN if any
 * part is UNKNOWN. A segment holds a subject only when its rule is TRUE. So for a customer without
 * an age both {@code age >= 18} and {@code not (age >= 18)} fail; write
 * {@code any(age absent, age < 18)} to include such customers.
 *
 * <pre>{@code
 * CompiledSegmentation tiers = BuiltInSegmentations.valueTiers().compile(StandardAttributes.registry());
 * String tier = tiers.assignName(subject);
 * }</pre>
 */
package org.crmkit.core.segment;
