package org.crmkit.core.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made segmentations over {@link StandardAttributes}, shipped as JSON documents a user can
 * copy ({@link #json(String)}) and change. Thresholds are defaults to adapt, not norms.
 *
 * <ul>
 *   <li>{@code status-classes}: terminated; current customers A key / B qualified / C unqualified
 *       by spend in the last 365 days and mean payment delay; intention A (desire, intends to
 *       buy) / B (informed, interested); default potential.</li>
 *   <li>{@code cooperation-classes} (B2B): new (tenure under a year), fixed (two years or more and
 *       at least six orders a year), old (a year or more, repeat orders, bought this year);
 *       default occasional.</li>
 *   <li>{@code size-classes} (B2B): large (250+ employees or revenue 50 million+), medium (50+ or
 *       10 million+), default small; thresholds after the EU SME definition, Commission
 *       Recommendation 2003/361/EC, Annex art. 2 (simplified to either criterion).</li>
 *   <li>{@code family-life-cycle}: the nine stages of Wells &amp; Gubar (1966), "Life cycle
 *       concept in marketing research", Journal of Marketing Research 3(4): bachelor, newly
 *       married, full nest I (youngest child under 6), full nest II (youngest 6+), full nest III
 *       (older couple, head 45+, dependent children), empty nest I (no child at home, head in the
 *       labour force) and II (head retired), solitary survivor in the labour force and retired;
 *       "young" means under 35; default unclassified (the model is not exhaustive).</li>
 *   <li>{@code value-tiers}: gold / silver / bronze from the caller's ABC class A / B / C;
 *       default unranked.</li>
 *   <li>{@code rfm-segments}: the widely used recency-frequency grid over caller-supplied
 *       scores 1..5 (5 best), first match wins: champions (R 5, F 4-5), loyal (R 3-4, F 4-5),
 *       cannot-lose-them (R 1-2, F 5), at-risk (R 1-2, F 3-4), potential-loyalists (R 4-5,
 *       F 2-3), new-customers (R 5, F 1), promising (R 4, F 1), need-attention (R 3, F 3),
 *       about-to-sleep (R 3, F 1-2), lost (R 1, F 1), hibernating (R 1-2, F 1-2); together they
 *       cover all 25 R-F cells, and the M score does not matter; default unscored when R or F
 *       is absent. This is the one definition of the map: crm-scoring's
 *       {@code RfmSegmentMap.defaults()} is derived from it.</li>
 * </ul>
 *
 * <pre>{@code
 * CompiledSegmentation fam = BuiltInSegmentations.familyLifeCycle().compile(StandardAttributes.registry());
 * String myCopy = BuiltInSegmentations.json(BuiltInSegmentations.FAMILY_LIFE_CYCLE);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class BuiltInSegmentations {

    /** Resource name of the status classes. */
    public static final String STATUS_CLASSES = "status-classes";
    /** Resource name of the B2B cooperation classes. */
    public static final String COOPERATION_CLASSES = "cooperation-classes";
    /** Resource name of the B2B size classes. */
    public static final String SIZE_CLASSES = "size-classes";
    /** Resource name of the family life cycle. */
    public static final String FAMILY_LIFE_CYCLE = "family-life-cycle";
    /** Resource name of the value tiers. */
    public static final String VALUE_TIERS = "value-tiers";
    /** Resource name of the RFM segment map. */
    public static final String RFM_SEGMENTS = "rfm-segments";

    private BuiltInSegmentations() {
    }

    /**
     * Returns the names of all built-in segmentations.
     *
     * @return the names, never null
     */
    public static List<String> names() {
        return List.of(STATUS_CLASSES, COOPERATION_CLASSES, SIZE_CLASSES, FAMILY_LIFE_CYCLE, VALUE_TIERS,
                RFM_SEGMENTS);
    }

    /**
     * Returns the JSON document of a built-in segmentation, to copy and change.
     *
     * @param name one of {@link #names()}, not null
     * @return the document, never null
     * @throws IllegalArgumentException if there is no such built-in
     */
    public static String json(String name) {
        Objects.requireNonNull(name, "name");
        if (!names().contains(name)) {
            throw new IllegalArgumentException("no built-in segmentation '" + name + "', only " + names());
        }
        try (InputStream in = BuiltInSegmentations.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + ".json is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a built-in segmentation.
     *
     * @param name one of {@link #names()}, not null
     * @return the segmentation, never null
     * @throws IllegalArgumentException if there is no such built-in
     */
    public static Segmentation load(String name) {
        return RuleJson.readSegmentation(json(name), StandardAttributes.registry());
    }

    /**
     * Loads the status classes (current A/B/C, intention A/B, potential, terminated).
     *
     * @return the segmentation, never null
     */
    public static Segmentation statusClasses() {
        return load(STATUS_CLASSES);
    }

    /**
     * Loads the B2B cooperation classes (new, old, fixed, occasional).
     *
     * @return the segmentation, never null
     */
    public static Segmentation cooperationClasses() {
        return load(COOPERATION_CLASSES);
    }

    /**
     * Loads the B2B size classes (large, medium, small).
     *
     * @return the segmentation, never null
     */
    public static Segmentation sizeClasses() {
        return load(SIZE_CLASSES);
    }

    /**
     * Loads the nine-stage family life cycle of Wells and Gubar (1966).
     *
     * @return the segmentation, never null
     */
    public static Segmentation familyLifeCycle() {
        return load(FAMILY_LIFE_CYCLE);
    }

    /**
     * Loads the value tiers from ABC analysis.
     *
     * @return the segmentation, never null
     */
    public static Segmentation valueTiers() {
        return load(VALUE_TIERS);
    }

    /**
     * Loads the RFM segment map.
     *
     * @return the segmentation, never null
     */
    public static Segmentation rfmSegments() {
        return load(RFM_SEGMENTS);
    }
}
