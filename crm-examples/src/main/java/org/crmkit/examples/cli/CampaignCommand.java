package org.crmkit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.core.csv.CsvRecord;
import org.crmkit.scoring.campaign.ArmComparison;
import org.crmkit.scoring.campaign.ArmOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm campaign}: response, value and return of each campaign arm against a control
 * group, from one row per customer, printed as JSON.
 *
 * <pre>{@code
 * crm campaign --customers arms.csv --arm-col arm --control holdout --outcome-col responded \
 *     --value-col revenue --cost-per-contact 0.40 --margin 0.35
 * {"control":"holdout","confidence":0.95,"arms":[
 *   {"arm":"holdout","n":2000,"responders":160,"response_rate":0.08,"value_per_customer":4.1},
 *   {"arm":"email","n":8000,"responders":960,"response_rate":0.12,"value_per_customer":6.3,
 *    "rate_lift":0.04,"rate_lift_ci_low":..,"rate_lift_ci_high":..,"rate_lift_p_value":..,
 *    "value_lift":2.2,"value_lift_ci_low":..,"value_lift_ci_high":..,"incremental_responders":320,
 *    "incremental_value":17600,"cost":3200,"roi":0.925}]}
 * }</pre>
 *
 * <p>The outcome is binary (1/0, true/false, yes/no in any case); a blank value counts as
 * 0 (a customer who bought nothing). Formulas are those of
 * {@link org.crmkit.scoring.campaign.ArmComparison}: {@code rate_lift} is the absolute
 * difference of response rates, {@code value_lift} of mean value per customer, both with
 * normal-approximation intervals; {@code roi = (margin x incremental_value - cost) / cost}
 * with {@code cost = cost_per_contact x n}. Without {@code --value-col} the value fields
 * and roi are null; without {@code --cost-per-contact} cost and roi are null. The control
 * arm comes first, then the other arms by name.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Campaign arms against a control group: response, lift, incremental value, ROI (JSON).")
public final class CampaignCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--customers", required = true, paramLabel = "FILE",
            description = "one row per customer ('-' for stdin)")
    private Path customers;

    @Option(names = "--arm-col", required = true, paramLabel = "A", description = "column naming the arm")
    private String armCol;

    @Option(names = "--control", required = true, paramLabel = "NAME", description = "the control arm's name")
    private String control;

    @Option(names = "--outcome-col", required = true, paramLabel = "O", description = "binary response column")
    private String outcomeCol;

    @Option(names = "--value-col", paramLabel = "V", description = "value (revenue or margin) per customer")
    private String valueCol;

    @Option(names = "--cost-per-contact", paramLabel = "C", description = "cost of contacting one customer")
    private Double costPerContact;

    @Option(names = "--margin", defaultValue = "1", paramLabel = "M",
            description = "share of value that is margin, in [0, 1] (default 1: the value is margin)")
    private double margin;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C",
            description = "confidence level in (0, 1) (default 0.95)")
    private double confidence;

    @Mixin
    private ReaderDelimiterOption delimiter;

    @Override
    public Integer call() throws IOException {
        NpsCommand.checkConfidence(confidence);
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("--margin must be in [0, 1]: " + margin);
        }
        if (costPerContact != null && !(costPerContact >= 0 && Double.isFinite(costPerContact))) {
            throw new IllegalArgumentException("--cost-per-contact must be a finite number >= 0: " + costPerContact);
        }
        Map<String, ArmOutcome.Accumulator> arms = new TreeMap<>();
        String source;
        try (CsvReader in = CsvReader.of(InputFiles.open(spec, customers), InputFiles.displayName(customers),
                delimiter.options())) {
            source = in.source();
            int arm = in.column(armCol);
            int outcome = in.column(outcomeCol);
            int value = valueCol == null ? -1 : in.column(valueCol);
            for (CsvRecord row : in) {
                String a = row.getRequired(arm);
                boolean responded = row.getBoolean(outcome);
                double v = value < 0 ? 0 : row.getOptionalDouble(value).orElse(0);
                arms.computeIfAbsent(a, k -> ArmOutcome.accumulator()).add(responded, v);
            }
        }
        if (!arms.containsKey(control)) {
            throw new IllegalArgumentException(source + ": field '" + armCol + "': no row has the control arm '"
                    + control + "'");
        }
        if (arms.size() < 2) {
            throw new IllegalArgumentException(source + ": field '" + armCol
                    + "': only the control arm is present, nothing to compare");
        }
        ArmOutcome c = arms.get(control).snapshot();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("control", control);
        root.put("confidence", confidence);
        ArrayNode list = root.putArray("arms");
        describe(list.addObject(), control, c);
        for (Map.Entry<String, ArmOutcome.Accumulator> e : arms.entrySet()) {
            if (e.getKey().equals(control)) {
                continue;
            }
            ArmOutcome a = e.getValue().snapshot();
            ObjectNode o = list.addObject();
            describe(o, e.getKey(), a);
            ArmComparison cmp = ArmComparison.of(a, c, confidence);
            o.put("rate_lift", cmp.rateLift().estimate())
                    .put("rate_lift_ci_low", cmp.rateLift().interval().low())
                    .put("rate_lift_ci_high", cmp.rateLift().interval().high())
                    .put("rate_lift_p_value", cmp.rateLift().pValue())
                    .put("incremental_responders", cmp.incrementalResponders());
            if (valueCol != null) {
                o.put("value_lift", cmp.valueLift().estimate())
                        .put("value_lift_ci_low", cmp.valueLift().interval().low())
                        .put("value_lift_ci_high", cmp.valueLift().interval().high())
                        .put("incremental_value", cmp.incrementalValue());
            } else {
                o.putNull("value_lift").putNull("value_lift_ci_low").putNull("value_lift_ci_high")
                        .putNull("incremental_value");
            }
            if (costPerContact != null) {
                o.put("cost", costPerContact * a.n());
            } else {
                o.putNull("cost");
            }
            OptionalDouble roi = valueCol == null || costPerContact == null ? OptionalDouble.empty()
                    : cmp.incrementalRoi(costPerContact, 0, margin);
            if (roi.isPresent()) {
                o.put("roi", roi.getAsDouble());
            } else {
                o.putNull("roi");
            }
        }
        spec.commandLine().getOut().println(mapper.writeValueAsString(root));
        return 0;
    }

    private void describe(ObjectNode o, String name, ArmOutcome a) {
        o.put("arm", name).put("n", a.n()).put("responders", a.responders()).put("response_rate", a.responseRate());
        if (valueCol != null) {
            o.put("value_per_customer", a.valuePerCustomer());
        } else {
            o.putNull("value_per_customer");
        }
    }
}
