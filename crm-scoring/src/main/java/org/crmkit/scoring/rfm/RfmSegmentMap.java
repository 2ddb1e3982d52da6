package org.crmkit.scoring.rfm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.json.CrmJson;

/**
 * Maps RFM scores to named segments by rules that are data, loaded from JSON.
 *
 * <p>Rules are tried in order; the first whose ranges contain the customer's scores
 * names the segment, and a customer no rule matches gets {@code fallback}. The rules are
 * written for a fixed number of scores {@code bins}; scoring with another k is
 * rejected.
 *
 * <p>{@link #defaults()} is the widely used recency-frequency grid for five scores
 * (resource {@code default-segments.json}): Champions (R 5, F 4-5), Loyal (R 3-4, F 4-5),
 * Cannot lose them (R 1-2, F 5), At risk (R 1-2, F 3-4), Potential loyalist (R 4-5,
 * F 2-3), New (R 5, F 1), Promising (R 4, F 1), Need attention (R 3, F 3), About to sleep
 * (R 3, F 1-2), Lost (R 1, F 1), Hibernating (R 1-2, F 1-2); together they cover all 25
 * R-F cells.
 *
 * <pre>{@code
 * RfmSegmentMap map = RfmSegmentMap.read(Path.of("my-segments.json"));
 * String[] segments = map.segments(RfmScorer.builder().bins(map.bins()).build().score(s));
 * String json = map.toJson(); // round-trips through read
 * }</pre>
 *
 * <p>JSON form: {@code {"bins":5,"fallback":"Other","segments":[{"name":"Champions",
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
     * Returns the default five-score segment map described above.
     *
     * @return the default map, never null
     */
    public static RfmSegmentMap defaults() {
        try (InputStream in = RfmSegmentMap.class.getResourceAsStream("default-segments.json")) {
            if (in == null) {
                throw new IllegalStateException("resource default-segments.json is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
