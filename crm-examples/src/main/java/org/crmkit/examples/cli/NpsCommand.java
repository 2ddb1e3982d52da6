package org.crmkit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.core.csv.CsvRecord;
import org.crmkit.scoring.inference.ConfidenceInterval;
import org.crmkit.scoring.inference.Difference;
import org.crmkit.scoring.satisfaction.NetPromoterScore;
import org.crmkit.scoring.satisfaction.NpsIntervalMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm nps}: the net promoter score of 0..10 survey answers, per group, with its
 * variance, standard error and confidence interval, printed as JSON.
 *
 * <pre>{@code
 * crm nps --surveys surveys.csv --score-col likelihood --group-col quarter --confidence 0.95
 * {"method":"adjusted-wald","confidence":0.95,"skipped_blank":0,"groups":[{"group":"2026-Q1","n":412,
 *   "promoters":180,"passives":130,"detractors":102,"nps":0.1893,"variance":..,"standard_error":..,
 *   "ci_low":..,"ci_high":..}]}
 * }</pre>
 *
 * <p>nps is a fraction (0.25, not 25); see
 * {@link org.crmkit.scoring.satisfaction.NetPromoterScore} for the formulas. A blank
 * score is skipped (counted in {@code skipped_blank}); a score that is not a whole number
 * 0..10 is an error naming file, line and field. {@code --compare A,B} adds the test of
 * the difference between two groups. Groups are sorted by name; without
 * {@code --group-col} there is one group, {@code all}.
 */
@Command(name = "nps", mixinStandardHelpOptions = true,
        description = "Net promoter score per group with confidence intervals, as JSON.")
public final class NpsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--surveys", required = true, paramLabel = "FILE", description = "survey CSV ('-' for stdin)")
    private Path surveys;

    @Option(names = "--score-col", required = true, paramLabel = "S", description = "column of the 0..10 answer")
    private String scoreCol;

    @Option(names = "--group-col", paramLabel = "G", description = "column to group by (segment, period, ...)")
    private String groupCol;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C",
            description = "confidence level in (0, 1) (default 0.95)")
    private double confidence;

    @Option(names = "--method", defaultValue = "adjusted-wald", paramLabel = "M",
            description = "interval method: adjusted-wald (default) or wald")
    private String method;

    @Option(names = "--compare", paramLabel = "A,B", description = "also test the difference of groups A and B")
    private String compare;

    @Mixin
    private ReaderDelimiterOption delimiter;

    @Override
    public Integer call() throws IOException {
        NpsIntervalMethod m = parseMethod(method);
        ConfidenceInterval.z(checkConfidence(confidence));
        Map<String, NetPromoterScore> groups = new TreeMap<>();
        long blank = 0;
        try (CsvReader in = CsvReader.of(InputFiles.open(spec, surveys), InputFiles.displayName(surveys),
                delimiter.options())) {
            int score = in.column(scoreCol);
            int group = groupCol == null ? -1 : in.column(groupCol);
            for (CsvRecord row : in) {
                if (row.isBlank(score)) {
                    blank++;
                    continue;
                }
                int answer = row.getInt(score);
                if (answer < 0 || answer > 10) {
                    throw row.error(score, "an NPS answer must be a whole number 0..10");
                }
                String g = group < 0 ? "all" : row.getRequired(group);
                groups.merge(g, NetPromoterScore.empty().plus(answer), NetPromoterScore::plus);
            }
            if (groups.isEmpty()) {
                throw new IllegalArgumentException(in.source() + ": field '" + scoreCol + "': no answers");
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("method", m == NpsIntervalMethod.WALD ? "wald" : "adjusted-wald");
        root.put("confidence", confidence);
        root.put("skipped_blank", blank);
        ArrayNode list = root.putArray("groups");
        groups.forEach((g, s) -> {
            ConfidenceInterval ci = s.interval(confidence, m);
            list.addObject().put("group", g).put("n", s.n()).put("promoters", s.promoters())
                    .put("passives", s.passives()).put("detractors", s.detractors()).put("nps", s.nps())
                    .put("variance", s.variance()).put("standard_error", s.standardError())
                    .put("ci_low", ci.low()).put("ci_high", ci.high());
        });
        if (compare != null) {
            List<String> pair = List.of(compare.split(",", -1));
            if (pair.size() != 2 || !groups.containsKey(pair.get(0)) || !groups.containsKey(pair.get(1))) {
                throw new IllegalArgumentException("--compare: expected two groups present in the data, as A,B");
            }
            Difference d = groups.get(pair.get(0)).compareTo(groups.get(pair.get(1)), confidence, m);
            root.putObject("comparison").put("first", pair.get(0)).put("second", pair.get(1))
                    .put("difference", d.estimate()).put("standard_error", d.standardError()).put("z", d.z())
                    .put("p_value", d.pValue()).put("ci_low", d.interval().low()).put("ci_high", d.interval().high());
        }
        spec.commandLine().getOut().println(mapper.writeValueAsString(root));
        return 0;
    }

    static double checkConfidence(double c) {
        if (!(c > 0 && c < 1)) {
            throw new IllegalArgumentException("--confidence must be in (0, 1): " + c);
        }
        return c;
    }

    private static NpsIntervalMethod parseMethod(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "adjusted-wald":
                return NpsIntervalMethod.ADJUSTED_WALD;
            case "wald":
                return NpsIntervalMethod.WALD;
            default:
                throw new IllegalArgumentException("--method: expected adjusted-wald or wald");
        }
    }
}
