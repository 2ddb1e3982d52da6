package org.crmkit.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.segment.Attribute;
import org.crmkit.core.segment.AttributeRegistry;
import org.crmkit.core.segment.CompiledSegmentation;
import org.crmkit.core.segment.CustomerSubject;
import org.crmkit.core.segment.InvalidRuleException;
import org.crmkit.core.segment.RuleJson;
import org.crmkit.core.segment.SegmentCounts;
import org.crmkit.core.segment.Segmentation;
import org.crmkit.core.segment.StandardAttributes;
import org.crmkit.core.segment.Subject;
import org.crmkit.core.segment.SubjectRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm segment}: assigns customers to the segments of a rules document and writes one line
 * per customer.
 *
 * <p>Customers are read as CSV or JSON (by file extension) with declared columns: every column
 * other than {@code customer_id} must be a {@link StandardAttributes standard attribute} or one
 * the rules document declares in {@code "attributes"}, and its type says how the value is read:
 * number (e.g. {@code 12.5}), date ({@code yyyy-MM-dd}), boolean ({@code true}/{@code false}),
 * enum (a declared value), string, or string_set (elements separated by {@code |}). An empty CSV
 * cell, or a JSON null or missing key, is an absent value. CSV has a header row and RFC 4180
 * quoting (no line breaks inside fields). JSON is an array whose elements are either flat
 * objects, {@code {"customer_id": "C-1", "age": 42, "region": "DE-BE"}}, or customers in
 * crmkit's model JSON ({@link CrmJson}) with their activities,
 * {@code {"customer": {...}, "activities": [...], "rfm_r": 5}}, from which the standard
 * attributes are derived as of {@code --as-of} ({@link CustomerSubject}); further keys add
 * attributes the record lacks (scores, youngest_child_age ...).
 *
 * <p>The output CSV has a header {@code customer_id,segment}; in all-matches mode the segment
 * column lists every matching segment separated by {@code |}. Counts per segment go to stdout.
 * Bad input throws an {@link IllegalArgumentException} naming file, line and field, which
 * {@link Crm} turns into exit code 2 and one line on stderr (a stack trace only with
 * {@code --debug}).
 *
 * <pre>{@code
 * crm segment --rules tiers.json --customers customers.csv --out segments.csv --as-of 2026-06-30
 * }</pre>
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Assign customers to segments defined by a JSON rules document.")
public final class SegmentCommand implements Callable<Integer> {

    private static final java.util.regex.Pattern SYNTAX_LINE =
            java.util.regex.Pattern.compile("\\(line (\\d+), column \\d+\\)");

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "RULES.json", description = "the segmentation document")
    private Path rules;

    @Option(names = "--customers", required = true, paramLabel = "CUSTOMERS.csv|.json",
            description = "customers with one column (or key) per attribute")
    private Path customers;

    @Option(names = "--out", required = true, paramLabel = "SEGMENTS.csv", description = "the output file")
    private Path out;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "the date windowed aggregates end on (default: today in UTC)")
    private LocalDate asOf;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "time zone that turns activity timestamps into dates (default: ${DEFAULT-VALUE})")
    private ZoneId zone;

    @Override
    public Integer call() throws IOException {
        LocalDate day = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        CompiledSegmentation seg = loadRules();
        SegmentCounts counts;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("customer_id,segment\n");
            Sink sink = new Sink(seg, w);
            String name = customers.getFileName().toString().toLowerCase(Locale.ROOT);
            SubjectRecord record = new SubjectRecord(seg.registry()).asOf(day);
            if (name.endsWith(".json")) {
                readJson(seg.registry(), new CustomerSubject(seg.registry(), zone), day, sink);
            } else if (name.endsWith(".csv")) {
                readCsv(seg.registry(), record, sink);
            } else {
                throw new BadInputException(customers, 0, null, "expected a .csv or .json file");
            }
            counts = sink.counts();
        } catch (NoSuchFileException e) {
            throw new BadInputException(Path.of(e.getFile()), 0, null, "no such file");
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("segment,count");
        counts.counts().forEach((k, v) -> o.println(k + "," + v));
        o.flush();
        return 0;
    }

    private CompiledSegmentation loadRules() throws IOException {
        if (!Files.isRegularFile(rules)) {
            throw new BadInputException(rules, 0, null, "no such file");
        }
        try (Reader r = Files.newBufferedReader(rules, StandardCharsets.UTF_8)) {
            Segmentation s = RuleJson.readSegmentation(r, StandardAttributes.registry());
            return s.compile(StandardAttributes.registry());
        } catch (InvalidRuleException e) {
            String where = e.problems().get(0).message();
            java.util.regex.Matcher m = SYNTAX_LINE.matcher(where);
            long line = m.find() ? Long.parseLong(m.group(1)) : lineOf(e.problems().get(0).path());
            throw new BadInputException(rules, line, e.problems().get(0).path(), e.problems().get(0).message()
                    + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more problems)" : ""));
        }
    }

    /**
     * Finds the line of the element a JSON path such as {@code $.segments[0].rule.all[1]} names in
     * the rules file, or of its nearest existing ancestor; 0 if the file cannot be scanned.
     */
    private long lineOf(String path) {
        String pointer = path.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)\\]", ".$1").replace('.', '/');
        long best = 0;
        int bestLength = -1;
        try (JsonParser p = new JsonFactory().createParser(Files.newBufferedReader(rules, StandardCharsets.UTF_8))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String here = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    here = p.getParsingContext().getParent() == null ? ""
                            : p.getParsingContext().getParent().pathAsPointer().toString();
                }
                boolean prefix = pointer.equals(here) || pointer.startsWith(here + "/") || here.isEmpty();
                if (prefix && here.length() > bestLength) {
                    best = p.currentTokenLocation().getLineNr();
                    bestLength = here.length();
                }
            }
        } catch (IOException e) {
            return best;
        }
        return best;
    }

    /** Collects assignments and writes output lines. */
    private static final class Sink {
        private final CompiledSegmentation seg;
        private final BufferedWriter w;
        private final long[] counts;
        private final List<String> names;
        private final boolean all;
        private long subjects;

        Sink(CompiledSegmentation seg, BufferedWriter w) {
            this.seg = seg;
            this.w = w;
            this.names = seg.segmentNames();
            this.counts = new long[names.size()];
            this.all = seg.definition().mode() == Segmentation.Mode.ALL_MATCHES;
        }

        void accept(String id, Subject s) throws IOException {
            subjects++;
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
            w.write(CsvField.of(id));
            w.write(',');
            w.write(CsvField.of(label));
            w.write('\n');
        }

        SegmentCounts counts() {
            Map<String, Long> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                m.put(names.get(i), counts[i]);
            }
            return new SegmentCounts(m, subjects);
        }
    }

    private void readCsv(AttributeRegistry registry, SubjectRecord record, Sink sink) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(customers, StandardCharsets.UTF_8)) {
            String headerLine = r.readLine();
            if (headerLine == null) {
                throw new BadInputException(customers, 1, null, "empty file, expected a header row");
            }
            if (headerLine.startsWith("\uFEFF")) {
                headerLine = headerLine.substring(1); // byte-order mark written by some spreadsheets
            }
            List<String> header = split(headerLine, 1);
            int idColumn = header.indexOf("customer_id");
            if (idColumn < 0) {
                throw new BadInputException(customers, 1, "customer_id", "missing column customer_id");
            }
            int[] slots = new int[header.size()];
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < slots.length; i++) {
                String h = header.get(i);
                if (!seen.add(h)) {
                    throw new BadInputException(customers, 1, h, "column appears twice");
                }
                if (i == idColumn) {
                    slots[i] = -1;
                } else if (registry.find(h).isEmpty()) {
                    throw new BadInputException(customers, 1, h, "unknown attribute; declare it in the rules document's"
                            + " \"attributes\" or use a standard attribute");
                } else {
                    slots[i] = registry.slot(h);
                }
            }
            long lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                List<String> cells = split(line, lineNo);
                if (cells.size() != header.size()) {
                    throw new BadInputException(customers, lineNo, null, "expected " + header.size() + " fields, found "
                            + cells.size());
                }
                record.clear();
                String id = cells.get(idColumn);
                if (id.isEmpty()) {
                    throw new BadInputException(customers, lineNo, "customer_id", "empty customer id");
                }
                for (int i = 0; i < slots.length; i++) {
                    if (slots[i] >= 0 && !cells.get(i).isEmpty()) {
                        set(record, registry.attribute(slots[i]), cells.get(i), lineNo);
                    }
                }
                sink.accept(id, record);
            }
        }
    }

    private List<String> split(String line, long lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == ',') {
                out.add(wasQuoted ? cell.toString() : cell.toString().trim());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new BadInputException(customers, lineNo, null, "unterminated quoted field");
        }
        out.add(wasQuoted ? cell.toString() : cell.toString().trim());
        return out;
    }

    private void set(SubjectRecord record, Attribute a, String value, long lineNo) {
        try {
            switch (a.type()) {
                case NUMBER: {
                    double d = Double.parseDouble(value);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException("not finite");
                    }
                    record.setNumber(a.name(), d);
                    break;
                }
                case DATE:
                    record.setDate(a.name(), LocalDate.parse(value));
                    break;
                case BOOLEAN:
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException("expected true or false");
                    }
                    record.setBool(a.name(), Boolean.parseBoolean(value));
                    break;
                case STRING_SET: {
                    Set<String> elements = new LinkedHashSet<>();
                    for (String e : value.split("\\|", -1)) {
                        if (!e.isEmpty()) {
                            elements.add(e);
                        }
                    }
                    record.setElements(a.name(), elements);
                    break;
                }
                default:
                    record.setText(a.name(), value);
                    break;
            }
        } catch (NumberFormatException e) {
            throw new BadInputException(customers, lineNo, a.name(), "'" + value + "' is not a number");
        } catch (DateTimeParseException e) {
            throw new BadInputException(customers, lineNo, a.name(), "'" + value + "' is not a date yyyy-MM-dd");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(customers, lineNo, a.name(), e.getMessage());
        }
    }

    private void readJson(AttributeRegistry registry, CustomerSubject subject, LocalDate day, Sink sink)
            throws IOException {
        ObjectMapper mapper = CrmJson.mapper();
        ObjectMapper trees = new ObjectMapper(); // reads one array element at a time
        JsonFactory f = trees.getFactory();
        try (JsonParser p = f.createParser(Files.newBufferedReader(customers, StandardCharsets.UTF_8))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new BadInputException(customers, p.currentLocation().getLineNr(), null,
                        "expected a JSON array of customer objects");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                long lineNo = p.currentLocation().getLineNr();
                JsonNode n = trees.readTree(p);
                String id;
                if (n.has("customer")) {
                    id = loadCustomer(mapper, n, subject, day, lineNo);
                } else {
                    subject.values().clear().asOf(day);
                    JsonNode idNode = n.get("customer_id");
                    if (idNode == null || !idNode.isTextual() || idNode.textValue().isEmpty()) {
                        throw new BadInputException(customers, lineNo, "customer_id", "missing or not a non-empty string");
                    }
                    id = idNode.textValue();
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String key = e.getKey();
                    JsonNode v = e.getValue();
                    if (key.equals("customer_id") || key.equals("customer") || key.equals("activities") || v.isNull()) {
                        continue;
                    }
                    if (registry.find(key).isEmpty()) {
                        throw new BadInputException(customers, lineNo, key, "unknown attribute");
                    }
                    Attribute a = registry.attribute(registry.slot(key));
                    set(subject.values(), a, jsonValue(a, v, lineNo), lineNo);
                }
                sink.accept(id, subject);
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw new BadInputException(customers, p.currentLocation().getLineNr(), null,
                        "expected a customer object or the end of the array");
            }
        } catch (JsonProcessingException e) {
            throw new BadInputException(customers, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private <T> T model(ObjectMapper mapper, JsonNode node, Class<T> type, String field, long lineNo) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String problem = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getOriginalMessage();
            throw new BadInputException(customers, lineNo, field, problem.lines().findFirst().orElse(problem));
        }
    }

    /** Reads {"customer": CUSTOMER, "activities": [ACTIVITY...]} in crmkit's model JSON. */
    private String loadCustomer(ObjectMapper mapper, JsonNode n, CustomerSubject subject, LocalDate day, long lineNo) {
        Customer customer = model(mapper, n.get("customer"), Customer.class, "customer", lineNo);
        List<Activity> activities = new ArrayList<>();
        JsonNode acts = n.get("activities");
        if (acts != null && !acts.isNull()) {
            if (!acts.isArray()) {
                throw new BadInputException(customers, lineNo, "activities", "expected an array of activities");
            }
            for (int i = 0; i < acts.size(); i++) {
                activities.add(model(mapper, acts.get(i), Activity.class, "activities[" + i + "]", lineNo));
            }
        }
        try {
            subject.load(customer, activities, day);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(customers, lineNo, "activities", e.getMessage());
        }
        return customer.id().value();
    }

    private String jsonValue(Attribute a, JsonNode v, long lineNo) {
        switch (a.type()) {
            case NUMBER:
                if (!v.isNumber()) {
                    throw new BadInputException(customers, lineNo, a.name(), "expected a number");
                }
                return v.asText();
            case BOOLEAN:
                if (!v.isBoolean()) {
                    throw new BadInputException(customers, lineNo, a.name(), "expected true or false");
                }
                return v.asText();
            case STRING_SET: {
                if (!v.isArray()) {
                    throw new BadInputException(customers, lineNo, a.name(), "expected an array of strings");
                }
                List<String> parts = new ArrayList<>();
                for (JsonNode e : v) {
                    if (!e.isTextual() || e.textValue().contains("|")) {
                        throw new BadInputException(customers, lineNo, a.name(), "expected strings without '|'");
                    }
                    parts.add(e.textValue());
                }
                return String.join("|", parts);
            }
            default:
                if (!v.isTextual()) {
                    throw new BadInputException(customers, lineNo, a.name(), "expected a string");
                }
                return v.textValue();
        }
    }
}
