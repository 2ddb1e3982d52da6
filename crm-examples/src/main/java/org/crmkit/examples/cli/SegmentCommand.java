package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.json.CrmJsonException;
import org.crmkit.core.segment.CompiledSegmentation;
import org.crmkit.core.segment.CustomerSubject;
import org.crmkit.core.segment.InvalidRuleException;
import org.crmkit.core.segment.RuleJson;
import org.crmkit.core.segment.Segmentation;
import org.crmkit.core.segment.StandardAttributes;
import org.crmkit.core.segment.Subject;
import org.crmkit.core.segment.SubjectCsv;
import org.crmkit.core.segment.SubjectJson;
import org.crmkit.core.segment.SubjectSink;
import org.crmkit.core.csv.CsvField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm segment}: assigns customers to the segments of a rules document and writes one line
 * per customer.
 *
 * <p>Customers are read as CSV ({@link SubjectCsv}) or JSON ({@link SubjectJson}), by file
 * extension or {@code --format}: every column (or key) other than {@code customer_id} must be a
 * {@link StandardAttributes standard attribute} or one the rules document declares in
 * {@code "attributes"}, and its type says how the value is read: number (e.g. {@code 12.5}), date
 * ({@code yyyy-MM-dd}), boolean ({@code true}/{@code false}), enum (a declared value), string, or
 * string_set (elements separated by {@code |}). An empty CSV cell, or a JSON null or missing key,
 * is an absent value. JSON elements are flat objects or customers in crmkit's model JSON
 * ({@link CrmJson}) with their activities, from which the standard attributes are derived as of
 * {@code --as-of} ({@link CustomerSubject}).
 *
 * <p>The output CSV has a header {@code customer_id,segment}; in all-matches mode the segment
 * column lists every matching segment separated by {@code |}. It appears only after all input was
 * read and checked ({@link AtomicOutput}). Counts per segment go to stderr with the other status
 * lines. Bad input throws an exception naming file, line and field, which {@link ErrorReporter}
 * turns into exit code 2 and one line on stderr (a stack trace only with {@code --debug}).
 *
 * <pre>{@code
 * crm segment --rules tiers.json --customers customers.csv --out segments.csv --as-of 2026-06-30
 * }</pre>
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Assign customers to segments defined by a JSON rules document.")
public final class SegmentCommand implements Callable<Integer> {

    private static final Pattern SYNTAX_LINE = Pattern.compile("\\(line (\\d+), column \\d+\\)");
    private static final Pattern ELEMENT = Pattern.compile("^\\$\\[\\d+\\]\\.?");

    /** The input formats of {@code --format}. */
    enum Format {
        /** {@link SubjectCsv}. */
        CSV,
        /** {@link SubjectJson}. */
        JSON
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "RULES.json", description = "the segmentation document")
    private Path rules;

    @Option(names = "--customers", required = true, paramLabel = "CUSTOMERS.csv|.json",
            description = "customers with one column (or key) per attribute; - for stdin")
    private Path customers;

    @Option(names = "--format", paramLabel = "csv|json",
            description = "format of --customers (default: by its extension; csv for -)")
    private Format format;

    @Mixin
    private OutputOptions output;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "the date windowed aggregates end on (default: today in UTC)")
    private LocalDate asOf;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "time zone that turns activity timestamps into dates (default: ${DEFAULT-VALUE})")
    private ZoneId zone;

    @Override
    public Integer call() throws IOException {
        output.refuseInputs(rules, customers);
        LocalDate day = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        CompiledSegmentation seg = loadRules();
        Format f = format();
        long[] counts = new long[seg.segmentNames().size()];
        try (InputStream in = InputFiles.open(spec, customers); AtomicOutput out = output.open(spec)) {
            Writer w = out.writer();
            w.write("customer_id,segment\n");
            SubjectSink sink = sink(seg, w, counts);
            String source = InputFiles.displayName(customers);
            if (f == Format.JSON) {
                try {
                    SubjectJson.of(seg.registry(), zone).read(in, source, day, sink);
                } catch (CrmJsonException e) {
                    throw located(e);
                }
            } else {
                SubjectCsv.of(seg.registry()).read(in, source, day, sink);
            }
            out.commit();
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("segment,count");
        List<String> names = seg.segmentNames();
        for (int i = 0; i < names.size(); i++) {
            err.println(CsvField.of(names.get(i)) + "," + counts[i]);
        }
        err.flush();
        return 0;
    }

    private Format format() {
        if (format != null) {
            return format;
        }
        String name = customers.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        if (name.endsWith(".csv") || InputFiles.isStandardStream(customers)) {
            return Format.CSV;
        }
        throw new BadInputException(customers, 0, null, "expected a .csv or .json file (or give --format)");
    }

    private SubjectSink sink(CompiledSegmentation seg, Writer w, long[] counts) {
        boolean all = seg.definition().mode() == Segmentation.Mode.ALL_MATCHES;
        List<String> names = seg.segmentNames();
        boolean safe = output.spreadsheetSafe();
        StringBuilder line = new StringBuilder(64);
        return (String id, Subject s) -> {
            String label;
            if (all) {
                List<String> labels = seg.labels(s);
                for (String l : labels) {
                    counts[names.indexOf(l)]++;
                }
                label = String.join("|", labels);
            } else {
                int i = seg.assign(s);
                counts[i]++;
                label = names.get(i);
            }
            line.setLength(0);
            CsvField.append(line, id, safe).append(',');
            CsvField.append(line, label, safe).append('\n');
            w.write(line.toString());
        };
    }

    private BadInputException located(CrmJsonException e) {
        long line = InputFiles.isStandardStream(customers) ? 0
                : e.getMessage().contains("not UTF-8") ? InputFiles.lineOfInvalidUtf8(customers)
                : JsonLines.lineOf(customers, e.path());
        String field = ELEMENT.matcher(e.path()).replaceFirst("");
        String prefix = e.path() + ": ";
        String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        Matcher m = SYNTAX_LINE.matcher(problem);
        if (line == 0 || problem.startsWith("malformed JSON")) {
            Matcher at = Pattern.compile("\\(line (\\d+)\\)").matcher(problem);
            if (at.find()) {
                line = Long.parseLong(at.group(1));
            } else if (m.find()) {
                line = Long.parseLong(m.group(1));
            }
        }
        BadInputException b = new BadInputException(customers, line, field.isEmpty() || field.startsWith("$")
                ? null : field, problem);
        b.initCause(e);
        return b;
    }

    private CompiledSegmentation loadRules() throws IOException {
        try (Reader r = new InputStreamReader(InputFiles.open(spec, rules), StandardCharsets.UTF_8)) {
            Segmentation s = RuleJson.readSegmentation(r, StandardAttributes.registry());
            return s.compile(StandardAttributes.registry());
        } catch (InvalidRuleException e) {
            String where = e.problems().get(0).message();
            Matcher m = SYNTAX_LINE.matcher(where);
            long line = m.find() ? Long.parseLong(m.group(1))
                    : InputFiles.isStandardStream(rules) ? 0 : JsonLines.lineOf(rules, e.problems().get(0).path());
            String path = e.problems().get(0).path();
            BadInputException b = BadInputException.definition(rules, Math.max(1, line),
                    path.equals("$") ? null : path,
                    e.problems().get(0).message()
                    + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more problems)" : ""));
            b.initCause(e);
            throw b;
        }
    }
}
