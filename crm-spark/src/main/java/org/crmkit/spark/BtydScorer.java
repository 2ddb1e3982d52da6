package org.crmkit.spark;

import java.util.Objects;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@link Transformer} that appends the scores of a {@link SparkScoring}
 * (expected purchases, P(alive), churn risk and, with a spend model, expected spend and
 * CLV) to a summary dataset, so that the scoring can be a stage of a {@code Pipeline}.
 *
 * <pre>{@code
 * BtydScorer scorer = new BtydScorer(SparkScoring.builder(bgNbd).horizon(39).build());
 * Dataset<Row> scored = scorer.transform(summary);
 * }</pre>
 *
 * <p>The settings are fixed at construction (no ML {@code Param}s), so {@link #copy}
 * ignores its extra parameters. Immutable and thread-safe; serialisable.
 */
public final class BtydScorer extends Transformer {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final SparkScoring scoring;

    /**
     * Creates a scorer with a random uid.
     *
     * @param scoring the scoring settings and models, not null
     */
    public BtydScorer(SparkScoring scoring) {
        this(Identifiable.randomUID("btydScorer"), scoring);
    }

    /**
     * Creates a scorer with a given uid.
     *
     * @param uid the stage id, not null
     * @param scoring the scoring settings and models, not null
     */
    public BtydScorer(String uid, SparkScoring scoring) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
    }

    /**
     * Appends the scores.
     *
     * @param dataset the summaries, not null
     * @return the scored rows, never null
     * @throws IllegalArgumentException if a needed column is missing
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        return scoring.score(Objects.requireNonNull(dataset, "dataset").toDF());
    }

    /**
     * Returns the schema with the score columns appended.
     *
     * @param schema the input schema, not null
     * @return the output schema, never null
     * @throws IllegalArgumentException if a needed column is missing
     */
    @Override
    public StructType transformSchema(StructType schema) {
        return scoring.outputSchema(schema);
    }

    /**
     * Returns a scorer with the same uid and settings.
     *
     * @param extra ignored: the scorer has no ML parameters
     * @return the copy, never null
     */
    @Override
    public BtydScorer copy(ParamMap extra) {
        return new BtydScorer(uid, scoring);
    }

    /**
     * Returns the stage id.
     *
     * @return the uid, never null
     */
    @Override
    public String uid() {
        return uid;
    }
}
