package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.scoring.rfm.BinnedScores;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.rfm.RfmScores;
import org.crmkit.scoring.rfm.RfmSegmentMap;
import org.crmkit.scoring.rfm.RfmWeights;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.core.csv.CsvField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm rfm}: scores the customers of a summary CSV by recency, frequency and
 * monetary value and writes
 * {@code customer_id,recency_score,frequency_score,monetary_score,rfm_cell,rfm_score,segment}.
 *
 * <pre>{@code
 * crm rfm --summary summary.csv --bins 5 --out rfm.csv
 * }</pre>
 *
 * <p>R comes from {@code T - recency} (recent is high), F from {@code frequency}, M from
 * {@code monetary_value}; scores are quantile scores (see
 * {@link org.crmkit.scoring.rfm.QuantileScores}). The segment column uses the default
 * five-score rules or {@code --segments RULES.json}; it is left out when the number of
 * bins differs from the rules'. Scores that ties left empty are reported on stderr.
 * Bad input exits with code 2 and one line on stderr.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true,
        description = "Score customers of a summary CSV by recency, frequency and monetary value.")
public final class RfmCommand implements Callable<Integer> {
    private static final Pattern LINE = Pattern.compile("\\(line (\\d+), column \\d+\\)");

    @Spec
    private CommandSpec spec;

    @Option(names = "--summary", required = true, paramLabel = "SUMMARY.csv",
            description = "summary CSV (customer_id,frequency,recency,T[,monetary_value]); - for stdin")
    private Path summary;

    @Option(names = "--bins", defaultValue = "5", paramLabel = "K",
            description = "number of scores per dimension, 2..100 (default 5)")
    private int bins;

    @Option(names = "--weights", defaultValue = "1,1,1", paramLabel = "WR,WF,WM",
            description = "weights of R, F and M in rfm_score (default 1,1,1)")
    private String weights;

    @Option(names = "--segments", paramLabel = "RULES.json",
            description = "segment rules as JSON (default: the built-in 5-score map)")
    private Path segments;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() throws IOException {
        output.refuseInputs(summary, segments);
        PrintWriter err = spec.commandLine().getErr();
        RfmWeights w = parseWeights(weights);
        RfmSegmentMap map = segments == null ? RfmSegmentMap.defaults() : readSegments();
        RfmScorer scorer = RfmScorer.builder().bins(bins).weights(w).build();
        CustomerSummaries s = BtydCommands.readSummary(spec, summary);
        RfmScores scores = scorer.score(s);
        boolean withSegments = map.bins() == bins;
        if (!withSegments) {
            err.printf("note: the segment rules are written for %d scores; no segment "
                    + "column with --bins %d%n", map.bins(), bins);
        }
        if (!s.hasMonetaryValue()) {
            err.println("note: " + summary + " has no monetary_value column; every "
                    + "monetary score is the same");
        }
        reportEmpty(err, "recency", scores.recencyScores());
        reportEmpty(err, "frequency", scores.frequencyScores());
        reportEmpty(err, "monetary", scores.monetaryScores());
        write(s, scores, withSegments ? map.segments(scores) : null);
        err.printf("wrote RFM scores of %d customers to %s%n", s.size(), output.describe());
        return 0;
    }

    private static void reportEmpty(PrintWriter err, String name, BinnedScores scores) {
        int[] empty = scores.emptyBins();
        if (empty.length > 0) {
            err.printf("note: no customer has %s score %s: tied values are never split%n", name,
                    Arrays.toString(empty));
        }
    }

    private void write(CustomerSummaries s, RfmScores scores, String[] segmentNames)
            throws IOException {
        try (AtomicOutput out = output.open(spec)) {
            Writer w = out.writer();
            w.write("customer_id,recency_score,frequency_score,monetary_score,rfm_cell,rfm_score"
                    + (segmentNames != null ? ",segment\n" : "\n"));
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < s.size(); i++) {
                sb.setLength(0);
                CsvField.append(sb, s.customerId(i), output.spreadsheetSafe());
                sb.append(',').append(scores.recency(i)).append(',').append(scores.frequency(i))
                        .append(',').append(scores.monetary(i)).append(',').append(scores.cell(i))
                        .append(',').append(String.format(Locale.ROOT, "%.4f", scores.combined(i)));
                if (segmentNames != null) {
                    sb.append(',');
                    CsvField.append(sb, segmentNames[i], output.spreadsheetSafe());
                }
                sb.append('\n');
                w.write(sb.toString());
            }
            out.commit();
        }
    }

    private RfmSegmentMap readSegments() throws IOException {
        try (InputStream in = InputFiles.open(spec, segments)) {
            return RfmSegmentMap.read(in);
        } catch (IllegalArgumentException e) {
            if (e instanceof BadInputException) {
                throw e;
            }
            Matcher m = LINE.matcher(e.getMessage() == null ? "" : e.getMessage());
            BadInputException b = BadInputException.definition(segments, m.find() ? Long.parseLong(m.group(1)) : 0,
                    null, e.getMessage() == null ? "invalid segment rules" : e.getMessage());
            b.initCause(e);
            throw b;
        }
    }

    private static RfmWeights parseWeights(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--weights: expected three numbers WR,WF,WM: " + text);
        }
        try {
            return RfmWeights.of(Double.parseDouble(parts[0].trim()),
                    Double.parseDouble(parts[1].trim()), Double.parseDouble(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--weights: not a number in '" + text + "'", e);
        }
    }
}
