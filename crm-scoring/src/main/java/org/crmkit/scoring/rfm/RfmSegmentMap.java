package org.crmkit.scoring.rfm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.segment.BuiltInSegmentations;
import org.crmkit.core.segment.Literal;
import org.crmkit.core.segment.Operand;
import org.crmkit.core.segment.Rule;
import org.crmkit.core.segment.Segment;
import org.crmkit.core.segment.Segmentation;
import org.crmkit.core.segment.StandardAttributes;

/**
 * Maps RFM scores to named segments by rules that are data, loaded from JSON.
 *
 * <p>Rules are tried in order; the first whose ranges contain the customer's scores
 * names the segment, and a customer no rule matches gets {@code fallback}. The rules are
 * written for a fixed number of scores {@code bins}; scoring with another k is
 * rejected.
 *
 * <p>{@link #defaults()} is the widely used recency-frequency grid for five scores, derived
 * from its one definition, crm-core's {@link BuiltInSegmentations#rfmSegments()}: champions
 * (R 5, F 4-5), loyal (R 3-4, F 4-5), cannot-lose-them (R 1-2, F 5), at-risk (R 1-2, F 3-4),
 * potential-loyalists (R 4-5, F 2-3), new-customers (R 5, F 1), promising (R 4, F 1),
 * need-attention (R 3, F 3), about-to-sleep (R 3, F 1-2), lost (R 1, F 1), hibernating
 * (R 1-2, F 1-2); together they cover all 25 R-F cells. {@link #fromSegmentation} turns any
 * first-match segmentation of that shape (conjunctions of numeric comparisons of
 * {@code rfm_r}, {@code rfm_f} and {@code rfm_m}) into this columnar form, so a segment map
 * written as crm-core rules and one applied to millions of scores never disagree.
 *
 * <pre>{@code
 * RfmSegmentMap map = RfmSegmentMap.read(Path.of("my-segments.json"));
 * String[] segments = map.segments(RfmScorer.builder().bins(map.bins()).build().score(s));
 * String json = map.toJson(); // round-trips through read
 * }</pre>
 *
 * <p>JSON form: {@code {"bins":5,"fallback":"Other","segments":[{"name":"champions",
 * "recency":{"min":5,"max":5},"frequency":{"min":4,"max":5}}, ...]}}; unknown
 * properties are rejected. Immutable and thread-safe.
 *
 * @param bins the number of scores the rules are written for, 2..100
 * @param fallback the segment of customers no rule matches, not blank
 * @param segments the rules in priority order, not empty, unique names, ranges within
 *     1..bins
 */
public record RfmSegmentMap(int bins, String fallback, List<RfmSegmentRule> segments) {
    // CrmJson's one strict configuration (unknown fields, duplicate keys, trailing content
    // and coercions refused), indenting what it writes
    private static final ObjectMapper JSON = CrmJson.mapper()
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final RfmSegmentMap DEFAULTS = fromSegmentation(BuiltInSegmentations.rfmSegments(), 5);

    /**
     * Validates the map and copies the rule list.
     *
     * @param bins see the record component
     * @param fallback see the record component
     * @param segments see the record component
     * @throws IllegalArgumentException if bins are out of range, the fallback or the rules
     *     are missing, the fallback is blank,
     *     there are no rules, a name repeats or a range exceeds bins
     */
    public RfmSegmentMap {
        QuantileScores.checkBins(bins);
        if (fallback == null || segments == null) {
            throw new IllegalArgumentException("missing '" + (fallback == null ? "fallback"
                    : "segments") + "'");
        }
        if (fallback.isBlank()) {
            throw new IllegalArgumentException("fallback segment name is blank");
        }
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no segment rules");
        }
        Set<String> names = new HashSet<>();
        for (RfmSegmentRule rule : segments) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("segment '" + rule.name() + "' is defined twice");
            }
            for (ScoreRange range : new ScoreRange[] {rule.recency(), rule.frequency(),
                rule.monetary()}) {
                if (range != null && range.max() > bins) {
                    throw new IllegalArgumentException("segment '" + rule.name() + "': range "
                            + range.min() + ".." + range.max() + " exceeds " + bins + " bins");
                }
            }
        }
    }

    /**
     * Returns the default five-score segment map described above, derived from
     * {@link BuiltInSegmentations#rfmSegments()}; its fallback is that segmentation's default,
     * {@code "unscored"}, which no score triple reaches.
     *
     * @return the default map, never null
     */
    public static RfmSegmentMap defaults() {
        return DEFAULTS;
    }

    /**
     * Derives a segment map from a first-match segmentation over the RFM score attributes.
     * Every segment's rule must be one comparison, or an {@code all} of comparisons, of
     * {@link StandardAttributes#RFM_R}, {@link StandardAttributes#RFM_F} or
     * {@link StandardAttributes#RFM_M} with numbers ({@code =}, {@code <}, {@code <=},
     * {@code >}, {@code >=}, {@code between}); comparisons of one score intersect. A segment no
     * score triple in 1..bins satisfies is left out. The segmentation's default becomes the
     * fallback.
     *
     * <pre>{@code
     * RfmSegmentMap map = RfmSegmentMap.fromSegmentation(
     *         RuleJson.readSegmentation(json, StandardAttributes.registry()), 5);
     * }</pre>
     *
     * @param segmentation the segmentation, not null, in {@link Segmentation.Mode#FIRST_MATCH}
     * @param bins the number of scores, 2..100
     * @return the map, which assigns every score triple the segment the segmentation assigns
     *     it, never null
     * @throws IllegalArgumentException if bins are out of range, the mode is not first-match,
     *     or a rule has another shape (the message names the segment)
     */
    public static RfmSegmentMap fromSegmentation(Segmentation segmentation, int bins) {
        Objects.requireNonNull(segmentation, "segmentation");
        QuantileScores.checkBins(bins);
        if (segmentation.mode() != Segmentation.Mode.FIRST_MATCH) {
            throw new IllegalArgumentException("segmentation '" + segmentation.name()
                    + "' is not first-match but " + segmentation.mode());
        }
        List<RfmSegmentRule> rules = new ArrayList<>();
        for (Segment segment : segmentation.segments()) {
            ScoreBounds bounds = new ScoreBounds(bins);
            List<Rule> terms = segment.rule() instanceof Rule.All all ? all.rules() : List.of(segment.rule());
            for (Rule term : terms) {
                bounds.restrict(term, segment.name());
            }
            if (!bounds.empty()) {
                rules.add(new RfmSegmentRule(segment.name(), bounds.range(0), bounds.range(1),
                        bounds.range(2)));
            }
        }
        return new RfmSegmentMap(bins, segmentation.defaultSegment(), rules);
    }

    /** Per score (R, F, M) the closed interval a conjunction of comparisons leaves. */
    private static final class ScoreBounds {
        private final int bins;
        private final int[] low = {1, 1, 1};
        private final int[] high;
        private final boolean[] restricted = new boolean[3];

        ScoreBounds(int bins) {
            this.bins = bins;
            this.high = new int[] {bins, bins, bins};
        }

        void restrict(Rule term, String segment) {
            if (!(term instanceof Rule.Compare c) || !(c.operand() instanceof Operand.AttributeRef ref)) {
                throw unsupported(segment, term, "only comparisons of rfm_r, rfm_f and rfm_m");
            }
            int score = switch (ref.name()) {
                case StandardAttributes.RFM_R -> 0;
                case StandardAttributes.RFM_F -> 1;
                case StandardAttributes.RFM_M -> 2;
                default -> throw unsupported(segment, term, "attribute '" + ref.name()
                        + "' is not an RFM score");
            };
            double[] v = new double[c.values().size()];
            for (int i = 0; i < v.length; i++) {
                if (!(c.values().get(i) instanceof Literal.Number n)) {
                    throw unsupported(segment, term, "scores compare with numbers");
                }
                v[i] = n.value();
            }
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            switch (c.operator()) {
                case EQ -> {
                    lo = Math.ceil(v[0]);
                    hi = Math.floor(v[0]);
                }
                case GE -> lo = Math.ceil(v[0]);
                case GT -> lo = Math.floor(v[0]) + 1;
                case LE -> hi = Math.floor(v[0]);
                case LT -> hi = Math.ceil(v[0]) - 1;
                case BETWEEN -> {
                    lo = Math.ceil(v[0]);
                    hi = Math.floor(v[1]);
                }
                default -> throw unsupported(segment, term, "operator '" + c.operator().symbol()
                        + "' has no score range");
            }
            restricted[score] = true;
            low[score] = (int) Math.max(low[score], Math.max(lo, 1));
            high[score] = (int) Math.min(high[score], Math.min(hi, bins));
        }

        boolean empty() {
            for (int s = 0; s < 3; s++) {
                if (low[s] > high[s]) {
                    return true;
                }
            }
            return false;
        }

        ScoreRange range(int score) {
            return restricted[score] ? ScoreRange.of(low[score], high[score]) : null;
        }

        private static IllegalArgumentException unsupported(String segment, Rule term, String why) {
            return new IllegalArgumentException("segment '" + segment + "': rule " + term
                    + " has no RFM score range: " + why);
        }
    }

    /**
     * Parses a segment map from JSON text.
     *
     * @param json the JSON, not null
     * @return the map, never null
     * @throws IllegalArgumentException if the JSON is malformed or the rules are invalid
     */
    public static RfmSegmentMap fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return JSON.readValue(CrmJson.withoutByteOrderMark(json), RfmSegmentMap.class);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /**
     * Reads a segment map from a JSON stream; the stream is not closed.
     *
     * @param in the input, not null
     * @return the map, never null
     * @throws IOException if the stream cannot be read
     * @throws IllegalArgumentException if the JSON is malformed or the rules are invalid
     */
    public static RfmSegmentMap read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        try {
            return JSON.readValue(in, RfmSegmentMap.class);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /**
     * Reads a segment map from a JSON file.
     *
     * @param file the file, not null
     * @return the map, never null
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the JSON is malformed or the rules are invalid
     *     (the message names the file)
     */
    public static RfmSegmentMap read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException invalid(JsonProcessingException e) {
        Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return new IllegalArgumentException("invalid RFM segment rules" + where + ": "
                + (cause == e ? e.getOriginalMessage() : cause.getMessage()), e);
    }

    /**
     * Writes this map as JSON.
     *
     * @return indented JSON that {@link #fromJson(String)} reads back to an equal map
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise segment map", e);
        }
    }

    /**
     * Returns the segment of one score triple.
     *
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @return the first matching rule's name, or the fallback, never null
     */
    public String segmentOf(int r, int f, int m) {
        for (RfmSegmentRule rule : segments) {
            if (rule.matches(r, f, m)) {
                return rule.name();
            }
        }
        return fallback;
    }

    /**
     * Returns the segment of customer {@code i} of some scores.
     *
     * @param scores the scores, not null, with {@code bins()} scores
     * @param i the customer row
     * @return the segment name, never null
     * @throws IllegalArgumentException if the scores use another number of bins
     */
    public String segmentOf(RfmScores scores, int i) {
        checkBins(scores);
        return segmentOf(scores.recency(i), scores.frequency(i), scores.monetary(i));
    }

    /**
     * Returns the segment of every customer. Names are shared instances, so the array
     * costs one reference per customer.
     *
     * @param scores the scores, not null, with {@code bins()} scores
     * @return the segment names in row order, never null
     * @throws IllegalArgumentException if the scores use another number of bins
     */
    public String[] segments(RfmScores scores) {
        checkBins(scores);
        // a lookup table over all score triples makes this one array read per customer
        int k = bins;
        String[] table = new String[(k + 1) * (k + 1) * (k + 1)];
        for (int r = 1; r <= k; r++) {
            for (int f = 1; f <= k; f++) {
                for (int m = 1; m <= k; m++) {
                    table[(r * (k + 1) + f) * (k + 1) + m] = segmentOf(r, f, m);
                }
            }
        }
        String[] out = new String[scores.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = table[(scores.recency(i) * (k + 1) + scores.frequency(i)) * (k + 1)
                    + scores.monetary(i)];
        }
        return out;
    }

    private void checkBins(RfmScores scores) {
        Objects.requireNonNull(scores, "scores");
        if (scores.bins() != bins) {
            throw new IllegalArgumentException("the segment rules are written for " + bins
                    + " scores, the RFM scores have " + scores.bins());
        }
    }
}
