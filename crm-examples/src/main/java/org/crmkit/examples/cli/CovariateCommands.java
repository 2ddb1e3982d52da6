package org.crmkit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.csv.CsvField;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.core.csv.CsvRecord;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.CovariateData;
import org.crmkit.scoring.btyd.CovariateDesign;
import org.crmkit.scoring.btyd.CovariateFit;
import org.crmkit.scoring.btyd.CovariateFitter;
import org.crmkit.scoring.btyd.CovariateModel;
import org.crmkit.scoring.btyd.CovariateModelJson;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SpendModel;
import org.crmkit.scoring.evaluation.HoldoutEvaluation;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.SummaryCsv;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The covariate paths of {@code crm fit}, {@code crm predict} and {@code crm evaluate}:
 * covariates are extra columns of the summary CSV, read beside the summary columns, and a
 * covariate model file ({@link CovariateModelJson}) names the columns its predictions need.
 * A missing column names the header line; an empty value, a non-numeric value of a numeric
 * covariate or a level the model does not know names the file, line and column.
 */
final class CovariateCommands {

    private CovariateCommands() {
    }

    /** A summary with its covariate columns: {@code raw.get(i)} are row {@code i}'s values. */
    record Table(CustomerSummaries summaries, List<String[]> raw, long headerLine) {
    }

    /**
     * Reads the summary (or standard input) once, and from the same bytes the covariate columns
     * {@code names}, aligned with the summary rows.
     */
    static Table read(CommandSpec spec, Path file, List<String> names) throws IOException {
        InsufficientHeapException.requireForSummary(file);
        byte[] bytes = InputFiles.readAllBytes(spec, file);
        String display = InputFiles.displayName(file);
        CustomerSummaries s = SummaryCsv.read(new ByteArrayInputStream(bytes), display);
        BtydCommands.requireModelRows(file, s);
        // the summary reader takes '#' lines before the header as comments; skip them here too
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        long skipped = 0;
        while (start < bytes.length && bytes[start] == '#') {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            // LF, CRLF or a lone CR ends a line, as for the summary reader
            start = end + (end + 1 < bytes.length && bytes[end] == '\r' && bytes[end + 1] == '\n' ? 2 : 1);
            skipped++;
        }
        String text = new String(bytes, Math.min(start, bytes.length), Math.max(0, bytes.length - start),
                StandardCharsets.UTF_8);
        List<String[]> raw = new ArrayList<>(s.size());
        long headerLine = skipped + 1;
        try (CsvReader in = CsvReader.of(new java.io.StringReader(text), display, CsvReader.Options.comma())) {
            int[] columns = new int[names.size()];
            for (int c = 0; c < names.size(); c++) {
                String name = names.get(c);
                columns[c] = in.findColumn(name).orElseThrow(() -> new BadInputException(file, headerLine, name,
                        "missing covariate column '" + name + "'; the header has " + in.header()));
            }
            for (CsvRecord r : in) {
                long line = r.line() + skipped;
                String[] values = new String[names.size()];
                for (int c = 0; c < names.size(); c++) {
                    String v = CsvField.restore(r.get(columns[c])).strip();
                    if (v.isEmpty()) {
                        throw new BadInputException(file, line, names.get(c), "empty covariate value");
                    }
                    values[c] = v;
                }
                int row = raw.size();
                if (row >= s.size() || BtydCommands.lineOf(s, row) != line) {
                    throw new BadInputException(file, line, names.get(0), "covariate row does not match a summary row");
                }
                raw.add(values);
            }
        }
        if (raw.size() != s.size()) {
            throw new BadInputException(file, headerLine, names.get(0), raw.size() + " covariate rows for "
                    + s.size() + " summary rows");
        }
        return new Table(s, raw, headerLine);
    }

    /** Encodes every row by {@code design}, naming file, line and column of a value it refuses. */
    static double[][] encode(Path file, Table t, CovariateDesign design) {
        double[][] z = new double[t.raw().size()][];
        List<String> names = design.covariateNames();
        for (int i = 0; i < z.length; i++) {
            try {
                z[i] = design.encode(t.raw().get(i));
            } catch (IllegalArgumentException e) {
                String field = names.get(0);
                for (String n : names) {
                    if (e.getMessage() != null && e.getMessage().startsWith("covariate '" + n + "'")) {
                        field = n;
                    }
                }
                throw new BadInputException(file, BtydCommands.lineOf(t.summaries(), i), field, e.getMessage());
            }
        }
        return z;
    }

    /** Splits a comma-separated option value into distinct non-blank names. */
    static List<String> names(String option, String value) {
        List<String> names = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String n = part.strip();
            if (n.isEmpty()) {
                throw new IllegalArgumentException(option + ": empty name in '" + value + "'");
            }
            if (names.contains(n)) {
                throw new IllegalArgumentException(option + ": '" + n + "' given twice");
            }
            names.add(n);
        }
        return names;
    }

    /** Parses {@code name=level,...}. */
    static Map<String, String> references(String value) {
        Map<String, String> m = new LinkedHashMap<>();
        if (value == null) {
            return m;
        }
        for (String part : names("--reference", value)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("--reference: expected COVARIATE=LEVEL, got '" + part + "'");
            }
            m.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return m;
    }

    /** The options of a covariate fit. */
    record FitOptions(String model, Path summary, Path out, List<String> covariates, Set<String> categorical,
            Map<String, String> references, Set<String> constrained, double regularization, String timeUnit,
            Integer maxIterations, String timeLimit, ProgressOptions progress) {
    }

    /** {@code crm fit --covariates}: returns the exit code. */
    static int fit(CommandSpec spec, FitOptions o) throws IOException {
        CovariateModel.Family family = CovariateModel.Family.of(o.model());
        for (String c : o.categorical()) {
            if (!o.covariates().contains(c)) {
                throw new IllegalArgumentException("--categorical: '" + c + "' is not in --covariates " + o.covariates());
            }
        }
        for (String c : o.constrained()) {
            if (!o.covariates().contains(c)) {
                throw new IllegalArgumentException("--constrain: '" + c + "' is not in --covariates " + o.covariates());
            }
        }
        for (String c : o.references().keySet()) {
            if (!o.covariates().contains(c)) {
                throw new IllegalArgumentException("--reference: '" + c + "' is not in --covariates " + o.covariates());
            }
        }
        if (!(o.regularization() >= 0) || Double.isInfinite(o.regularization())) {
            throw new IllegalArgumentException("--regularization: expected a finite number >= 0, got "
                    + o.regularization());
        }
        Table t = read(spec, o.summary(), o.covariates());
        Map<String, String> refs = new LinkedHashMap<>(o.references());
        CovariateDesign design = design(o.summary(), t, o.covariates(), o.categorical(), refs);
        double[][] z = encode(o.summary(), t, design);
        CustomerSummaries s = t.summaries();
        int n = s.size();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.frequency(i);
            tx[i] = s.recency(i);
            age[i] = s.t(i);
            w[i] = s.weight(i);
        }
        CovariateData data;
        try {
            data = CovariateData.of(design, x, tx, age, z, w);
        } catch (IllegalArgumentException e) {
            throw BtydCommands.locateRow(o.summary(), s, e, i -> CovariateData.of(design, new double[] {x[i]},
                    new double[] {tx[i]}, new double[] {age[i]}, new double[][] {z[i]}));
        }
        CovariateFitter fitter = CovariateFitter.standard().withConstraints(o.constrained())
                .withRegularization(o.regularization());
        if (o.maxIterations() != null) {
            if (o.maxIterations() <= 0) {
                throw new IllegalArgumentException("--max-iterations: must be positive, got " + o.maxIterations());
            }
            fitter = fitter.withMaxIterations(o.maxIterations());
        }
        if (o.timeLimit() != null) {
            fitter = fitter.withTimeLimit(ProgressOptions.parseDuration("--time-limit", o.timeLimit()));
        }
        if (o.progress() != null) {
            fitter = fitter.withProgress(o.progress().listener(spec));
        }
        CovariateFit fit = fitter.fit(family, data);
        if (o.progress() != null) {
            o.progress().finish();
        }
        PrintWriter err = spec.commandLine().getErr();
        // the output policy of the plain crm fit (FitCommand): the JSON on stdout, a limit on stderr,
        // a boundary estimate written to --out with exit code 1, any other failure leaves --out as it was
        fit.limitReached().ifPresent(limit -> err.println("crm fit: stopped by the " + switch (limit) {
            case ITERATIONS -> "iteration limit (" + (o.maxIterations() == null ? CovariateFitter.DEFAULT_MAX_ITERATIONS
                    : o.maxIterations()) + " per search)";
            case TIME -> "time limit (" + o.timeLimit() + ")";
            case EVALUATIONS -> "evaluation budget";
        } + " after " + fit.iterations() + " iterations; largest gradient component " + fit.gradientNorm()));
        String unit = BtydCommands.timeUnit(o.summary(), s, o.timeUnit());
        String json = new ObjectMapper().readTree(CovariateModelJson.write(fit, unit)).toString();
        boolean toStdout = o.out() != null && InputFiles.isStandardStream(o.out());
        if (!toStdout) {
            spec.commandLine().getOut().println(json);
            spec.commandLine().getOut().flush();
        }
        boolean atBoundary = !fit.atBoundary().isEmpty();
        if (!fit.converged() && !atBoundary) {
            err.println("crm fit: warning: the fit did not converge: " + fit.convergence()
                    + (o.out() != null && !toStdout ? "; " + o.out() + " was left unchanged" : ""));
            err.flush();
            if (toStdout) {
                spec.commandLine().getOut().println(json);
                spec.commandLine().getOut().flush();
            }
            return 1;
        }
        if (!fit.converged()) {
            err.println("crm fit: warning: the fit did not converge: " + fit.convergence()
                    + (o.out() != null && !toStdout ? "; the limiting estimate was written to " + o.out() : ""));
            err.flush();
        }
        if (o.out() != null) {
            try (AtomicOutput out = AtomicOutput.open(spec, o.out())) {
                out.writer().write(json + "\n");
                out.commit();
            }
            if (!toStdout) {
                err.println("wrote the " + o.model() + " model with covariates " + design.covariateNames() + " to "
                        + o.out());
            }
        }
        return fit.converged() ? 0 : 1;
    }

    private static CovariateDesign design(Path file, Table t, List<String> names, Set<String> categorical,
            Map<String, String> refs) {
        CovariateDesign.Builder b = CovariateDesign.builder();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            java.util.TreeSet<String> levels = new java.util.TreeSet<>();
            boolean numeric = !categorical.contains(name) && !refs.containsKey(name);
            long firstText = 0;
            for (int i = 0; i < t.raw().size(); i++) {
                String v = t.raw().get(i)[c];
                levels.add(v);
                if (numeric && !isNumber(v)) {
                    numeric = false;
                    firstText = BtydCommands.lineOf(t.summaries(), i);
                }
            }
            if (numeric) {
                b.numeric(name);
                continue;
            }
            String ref = refs.getOrDefault(name, levels.first());
            if (!levels.contains(ref)) {
                throw new IllegalArgumentException("--reference: level '" + ref + "' of '" + name
                        + "' does not occur in " + InputFiles.displayName(file));
            }
            if (levels.size() < 2) {
                throw new BadInputException(file, firstText == 0 ? t.headerLine() : firstText, name,
                        "categorical covariate with the single level '" + levels.first() + "' carries no information");
            }
            b.categorical(name, levels, ref);
        }
        return b.build();
    }

    private static boolean isNumber(String v) {
        try {
            return Double.isFinite(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether a model document is a covariate model. */
    static boolean isCovariateModel(String json) {
        try {
            return CovariateModelJson.isCovariateModel(json);
        } catch (IllegalArgumentException notJson) {
            return false; // the plain reader reports it with file and line
        }
    }

    /** Reads a covariate model document, naming file, line and field in any error. */
    static CovariateModel readModel(Path file, String json) {
        try {
            return CovariateModelJson.read(json).model();
        } catch (org.crmkit.core.json.CrmJsonException e) {
            String path = e.path();
            String field = path.startsWith("$.") ? path.substring(2) : "model";
            long line = JsonLines.lineOf(json, path);
            BadInputException b = BadInputException.definition(file, Math.max(1, line), field,
                    e.getMessage().substring(path.length() + 2));
            b.initCause(e);
            throw b;
        }
    }

    /** The per-customer models of a summary table. */
    static PurchaseModel[] customers(Path file, Table t, CovariateModel m) {
        double[][] z = encode(file, t, m.design());
        PurchaseModel[] models = new PurchaseModel[z.length];
        Map<List<Double>, PurchaseModel> profiles = new java.util.HashMap<>();
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            List<Double> key = Arrays.stream(zi).boxed().toList();
            try {
                models[i] = profiles.computeIfAbsent(key, k -> m.forCustomer(zi));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, BtydCommands.lineOf(t.summaries(), i), m.design().covariateNames()
                        .get(0), e.getMessage());
            }
        }
        return models;
    }

    /** {@code crm predict} with a covariate model. */
    static int predict(CommandSpec spec, Path modelFile, CovariateModel m, SpendModel spend, Path summary,
            double horizon, double discountRate, OutputOptions output) throws IOException {
        Table t = read(spec, summary, m.design().covariateNames());
        CustomerSummaries s = t.summaries();
        if (spend != null && !s.hasMonetaryValue()) {
            throw new BadInputException(summary, 1, "monetary_value", "missing column, needed with --spend-model");
        }
        PurchaseModel[] models = customers(summary, t, m);
        int n = s.size();
        double[] expected = new double[n];
        double[] alive = new double[n];
        double[] discounted = spend == null ? null : new double[n];
        long periods = (long) Math.min(horizon, Long.MAX_VALUE);
        Parallelism.defaults().forEachChunk(n, 256, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                double x = s.frequency(i);
                double tx = s.recency(i);
                double age = s.t(i);
                expected[i] = models[i].conditionalExpectedPurchases(horizon, x, tx, age);
                alive[i] = models[i].probabilityAlive(x, tx, age);
                if (discounted != null) {
                    discounted[i] = models[i].discountedExpectedPurchases(periods, discountRate, x, tx, age);
                }
            }
        });
        try (AtomicOutput out = output.open(spec)) {
            Writer w = out.writer();
            w.write(spend == null ? "customer_id,expected_purchases,p_alive\n"
                    : "customer_id,expected_purchases,p_alive,expected_spend,clv\n");
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                CsvField.append(sb, s.customerId(i), output.spreadsheetSafe());
                sb.append(',').append(expected[i]).append(',').append(alive[i]);
                if (spend != null) {
                    double perPurchase = spend.conditionalExpectedSpend(s.frequency(i), s.monetaryValue(i));
                    sb.append(',').append(perPurchase).append(',').append(discounted[i] * perPurchase);
                }
                w.write(sb.append('\n').toString());
            }
            out.commit();
        }
        spec.commandLine().getErr().printf("wrote predictions for %d customers (covariates %s) to %s%n", n,
                m.design().covariateNames(), output.describe());
        return 0;
    }

    /** The holdout evaluation of a covariate model. */
    static HoldoutEvaluation evaluate(CommandSpec spec, CovariateModel m, Path summary) throws IOException {
        Table t = read(spec, summary, m.design().covariateNames());
        CustomerSummaries s = t.summaries();
        if (!s.hasHoldout()) {
            throw new BadInputException(summary, 1, "frequency_holdout",
                    "missing column: evaluate needs the holdout columns (crm summarize --observation-end)");
        }
        PurchaseModel[] models = customers(summary, t, m);
        return HoldoutEvaluation.evaluate(m.family().modelName(), i -> models[i],
                BtydCommands.holdoutInput(summary, s), Parallelism.defaults());
    }
}
