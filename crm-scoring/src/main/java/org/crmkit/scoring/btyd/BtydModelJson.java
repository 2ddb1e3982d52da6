package org.crmkit.scoring.btyd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.json.CrmJsonException;

/**
 * JSON persistence of fitted buy-till-you-die models.
 *
 * <p>The document is
 * {@code {"model":"bg-nbd","parameters":{"r":..,"alpha":..,"a":..,"b":..},
 * "logLikelihood":..,"converged":true,"iterations":..,"customers":..,
 * "convergence":"..","limitReached":"iterations|time|evaluations" (only when a limit stopped the fit),
 * "gradientNorm":..,"aic":..,"bic":..,["regularization":..,"penalty":..,]"standardErrors":{..},
 * "covariance":[[..]],"attempts":[..],"timeUnit":"weeks","library":"crmkit ..",
 * "schemaVersion":1}}. Only {@code model} and {@code parameters} are required when
 * reading, so a researcher can type in published estimates. Doubles are written in their
 * shortest exact form, so a model read back predicts exactly as the one written. Reading
 * is strict ({@link #read(String)}): unknown fields, duplicate keys, trailing content and a
 * {@code schemaVersion} other than {@value #SCHEMA_VERSION} are errors naming the JSON path.
 * {@link #read(String)} also reads covariate model files ({@link CovariateModelJson}), so
 * that one entry point reads any model file ({@link StoredModel#hasCovariates()}).
 *
 * <pre>{@code
 * String json = BtydModelJson.write(fit, "weeks");
 * BgNbd again = BtydModelJson.read(json).as(BgNbd.model());
 * }</pre>
 *
 * <p>Thread-safe: stateless.
 */
public final class BtydModelJson {

    /** The schema version written and the newest one read. */
    public static final int SCHEMA_VERSION = 1;
    // written and read with CrmJson's one configuration
    private static final ObjectMapper MAPPER = CrmJson.mapper();

    private BtydModelJson() {
    }

    /**
     * Writes a fit with its diagnostics.
     *
     * @param fit the fit, not null
     * @param timeUnit the time unit of the data, e.g. {@code weeks}, not null
     * @return the JSON document, never null
     */
    public static String write(FitResult<?> fit, String timeUnit) {
        Objects.requireNonNull(fit, "fit");
        ObjectNode root = header(fit.model());
        root.put("logLikelihood", fit.logLikelihood());
        root.put("converged", fit.converged());
        root.put("iterations", fit.iterations());
        double customers = fit.customers();
        if (customers == Math.rint(customers) && customers < 0x1p53) {
            root.put("customers", (long) customers);
        } else {
            root.put("customers", customers);
        }
        root.put("convergence", fit.convergence());
        fit.limitReached().ifPresent(limit -> root.put("limitReached", limit.name().toLowerCase(java.util.Locale.ROOT)));
        root.put("gradientNorm", fit.gradientNorm());
        root.put("aic", fit.aic());
        root.put("bic", fit.bic());
        if (fit.regularization() > 0) {
            root.put("regularization", fit.regularization());
            root.put("penalty", fit.penalty());
        }
        Map<String, Double> se = fit.standardErrors();
        if (!se.isEmpty()) {
            ObjectNode seNode = root.putObject("standardErrors");
            se.forEach(seNode::put);
        }
        fit.covariance().ifPresent(c -> {
            ArrayNode rows = root.putArray("covariance");
            for (double[] row : c) {
                ArrayNode r = rows.addArray();
                for (double e : row) {
                    r.add(e);
                }
            }
        });
        ArrayNode attempts = root.putArray("attempts");
        for (FitAttempt a : fit.attempts()) {
            ObjectNode n = attempts.addObject();
            n.put("optimizer", a.optimizer());
            ArrayNode start = n.putArray("start");
            a.start().forEach(start::add);
            if (Double.isFinite(a.logLikelihood())) {
                n.put("logLikelihood", a.logLikelihood());
            }
            n.put("iterations", a.iterations());
            n.put("converged", a.converged());
            n.put("outcome", a.outcome());
        }
        return trailer(root, timeUnit);
    }

    /**
     * Writes a parametrised model without fit diagnostics.
     *
     * @param model the model, not null
     * @param timeUnit the time unit of its parameters, not null
     * @return the JSON document, never null
     */
    public static String write(FittedModel model, String timeUnit) {
        Objects.requireNonNull(model, "model");
        return trailer(header(model), timeUnit);
    }

    private static ObjectNode header(FittedModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", model.modelName());
        ObjectNode parameters = root.putObject("parameters");
        model.parameters().forEach(parameters::put);
        return root;
    }

    private static String trailer(ObjectNode root, String timeUnit) {
        Objects.requireNonNull(timeUnit, "timeUnit");
        root.put("timeUnit", timeUnit);
        root.put("library", libraryVersion());
        root.put("schemaVersion", SCHEMA_VERSION);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write model JSON", e);
        }
    }

    /**
     * Returns the library name and version recorded in the files.
     *
     * @return e.g. {@code crmkit 0.1.0-SNAPSHOT}, never null
     */
    public static String libraryVersion() {
        String version = BtydModelJson.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = BtydModelJson.class.getModule().getDescriptor() == null ? null
                    : BtydModelJson.class.getModule().getDescriptor().rawVersion().orElse(null);
        }
        return "crmkit " + (version == null ? "development" : version);
    }

    /** The fields a model document may have, with the JSON type each must be. */
    private static final Map<String, JsonNodeType> FIELDS = fields(
            "model", JsonNodeType.STRING, "parameters", JsonNodeType.OBJECT,
            "logLikelihood", JsonNodeType.NUMBER, "converged", JsonNodeType.BOOLEAN,
            "iterations", JsonNodeType.NUMBER, "customers", JsonNodeType.NUMBER,
            "convergence", JsonNodeType.STRING, "limitReached", JsonNodeType.STRING,
            "gradientNorm", JsonNodeType.NUMBER,
            "aic", JsonNodeType.NUMBER, "bic", JsonNodeType.NUMBER,
            "regularization", JsonNodeType.NUMBER, "penalty", JsonNodeType.NUMBER,
            "standardErrors", JsonNodeType.OBJECT, "covariance", JsonNodeType.ARRAY,
            "attempts", JsonNodeType.ARRAY, "timeUnit", JsonNodeType.STRING,
            "library", JsonNodeType.STRING, "schemaVersion", JsonNodeType.NUMBER);
    private static final Map<String, JsonNodeType> ATTEMPT_FIELDS = fields(
            "optimizer", JsonNodeType.STRING, "start", JsonNodeType.ARRAY,
            "logLikelihood", JsonNodeType.NUMBER, "iterations", JsonNodeType.NUMBER,
            "converged", JsonNodeType.BOOLEAN, "outcome", JsonNodeType.STRING);

    /** An ordered, unmodifiable map of field names to JSON types from name, type pairs; shared with {@link CovariateModelJson}. */
    static Map<String, JsonNodeType> fields(Object... nameType) {
        Map<String, JsonNodeType> m = new LinkedHashMap<>();
        for (int i = 0; i < nameType.length; i += 2) {
            m.put((String) nameType[i], (JsonNodeType) nameType[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Reads a model document.
     *
     * <p>As strict as {@link CrmJson}, whose configuration parses it: duplicate keys,
     * content after the document, a field not listed in the class documentation (in the
     * document or in an {@code attempts} entry), a value of the wrong JSON type, a
     * non-numeric parameter and a {@code schemaVersion} other than {@value #SCHEMA_VERSION}
     * are errors whose message starts with the JSON path, such as
     * {@code $.parameters.alpha: ...}. A file without {@code schemaVersion} is read as
     * version 1, so that published estimates can be typed in with only {@code model} and
     * {@code parameters}. A leading byte order mark is skipped.
     *
     * <p>This is the one reader of every model file: a covariate model document (one with
     * {@code covariates}, {@link CovariateModelJson}) is read by
     * {@link CovariateModelJson#read(String)}, as strictly, and returned with
     * {@link StoredModel#covariateModel()} present (see {@link StoredModel} for scoring it).
     *
     * @param json the document, not null
     * @return the stored model, never null
     * @throws CrmJsonException if the document is invalid; {@link CrmJsonException#path()}
     *     names the JSON path
     */
    public static StoredModel read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root = CrmJson.readTree(json);
        if (!root.isObject()) {
            throw new CrmJsonException("$", "a model JSON document must be an object", null);
        }
        if (root.has("covariates")) {
            // a covariate model file: read as strictly by its own reader, returned with the model
            CovariateModelJson.Stored c = CovariateModelJson.read(json);
            return new StoredModel(c.model().family().modelName(), c.model().parameters(), c.timeUnit(),
                    c.logLikelihood(), c.converged(), Optional.of(c.model()));
        }
        checkFields(root, "$", FIELDS);
        JsonNode schema = root.get("schemaVersion");
        if (schema != null && (!schema.isIntegralNumber() || !schema.canConvertToInt()
                || schema.asInt() != SCHEMA_VERSION)) {
            throw new CrmJsonException("$.schemaVersion", "unsupported schemaVersion " + schema
                    + "; this crmkit reads schemaVersion " + SCHEMA_VERSION
                    + (schema.isIntegralNumber() && schema.asLong() > SCHEMA_VERSION
                            ? " (upgrade crmkit)" : ""), null);
        }
        JsonNode model = root.get("model");
        if (model == null) {
            throw new CrmJsonException("$.model", "missing: the text field 'model' is required", null);
        }
        JsonNode parameters = root.get("parameters");
        if (parameters == null) {
            throw new CrmJsonException("$.parameters", "missing: the object 'parameters' is required", null);
        }
        Map<String, Double> values = numbers(parameters, "$.parameters");
        numbers(root.path("standardErrors"), "$.standardErrors");
        JsonNode covariance = root.get("covariance");
        if (covariance != null) {
            for (int i = 0; i < covariance.size(); i++) {
                JsonNode row = covariance.get(i);
                if (!row.isArray()) {
                    throw new CrmJsonException("$.covariance[" + i + "]", "expected an array of numbers", null);
                }
                for (int j = 0; j < row.size(); j++) {
                    if (!row.get(j).isNumber()) {
                        throw new CrmJsonException("$.covariance[" + i + "][" + j + "]", "not a number: "
                                + row.get(j), null);
                    }
                }
            }
        }
        JsonNode attempts = root.get("attempts");
        if (attempts != null) {
            for (int i = 0; i < attempts.size(); i++) {
                JsonNode a = attempts.get(i);
                String at = "$.attempts[" + i + "]";
                if (!a.isObject()) {
                    throw new CrmJsonException(at, "expected an object", null);
                }
                checkFields(a, at, ATTEMPT_FIELDS);
                JsonNode start = a.get("start");
                for (int j = 0; start != null && j < start.size(); j++) {
                    if (!start.get(j).isNumber()) {
                        throw new CrmJsonException(at + ".start[" + j + "]", "not a number: " + start.get(j), null);
                    }
                }
            }
        }
        JsonNode unit = root.get("timeUnit");
        JsonNode ll = root.get("logLikelihood");
        JsonNode converged = root.get("converged");
        return new StoredModel(model.asText(), values,
                unit != null ? Optional.of(unit.asText()) : Optional.empty(),
                ll != null ? OptionalDouble.of(ll.doubleValue()) : OptionalDouble.empty(),
                converged != null ? Optional.of(converged.booleanValue()) : Optional.empty());
    }

    /**
     * Reads the {@code covariance} of a model document, the covariance of the estimates on the
     * parameter scale ({@link FitResult#covariance()}), for example to draw parameters for
     * prediction intervals.
     *
     * <pre>{@code
     * Optional<double[][]> c = BtydModelJson.readCovariance(json);
     * }</pre>
     *
     * @param json the document, not null
     * @return the matrix, or empty when the document has none, never null
     * @throws CrmJsonException if the document is invalid (as {@link #read(String)}) or the
     *     matrix is not square with one row per parameter
     */
    public static Optional<double[][]> readCovariance(String json) {
        StoredModel stored = read(json);
        JsonNode covariance = CrmJson.readTree(json).get("covariance");
        if (covariance == null) {
            return Optional.empty();
        }
        int k = stored.parameters().size();
        if (covariance.size() != k) {
            throw new CrmJsonException("$.covariance", "has " + covariance.size() + " rows for " + k
                    + " parameters", null);
        }
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            JsonNode row = covariance.get(i);
            if (row.size() != k) {
                throw new CrmJsonException("$.covariance[" + i + "]", "has " + row.size() + " entries for " + k
                        + " parameters", null);
            }
            for (int j = 0; j < k; j++) {
                c[i][j] = row.get(j).doubleValue();
            }
        }
        return Optional.of(c);
    }

    /**
     * Reads a model file (UTF-8, a byte order mark skipped) as {@link #read(String)} does.
     *
     * <pre>{@code
     * FittedModel m = BtydModelJson.read(Path.of("bgnbd.json")).toModel();
     * }</pre>
     *
     * @param file the file, not null
     * @return the stored model, never null
     * @throws IOException if the file cannot be read
     * @throws ModelFileException if the file is not valid UTF-8 or not a valid model
     *     document; it names the file and the JSON path
     */
    public static StoredModel read(Path file) throws IOException {
        return readFile(file, BtydModelJson::read);
    }

    /**
     * Reads a model file strictly as UTF-8 and parses it, turning a document error into a
     * {@link ModelFileException} naming the file and the JSON path; shared by the plain and the
     * covariate model readers.
     */
    static <T> T readFile(Path file, java.util.function.Function<String, T> parse) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = Files.readAllBytes(file);
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFileException(file.toString(), "$", "invalid UTF-8; the file must be UTF-8");
        }
        try {
            return parse.apply(json);
        } catch (CrmJsonException e) {
            ModelFileException m = new ModelFileException(file.toString(), e.path(),
                    e.getMessage().substring(e.path().length() + 2));
            m.initCause(e);
            throw m;
        }
    }

    /** Rejects a field not in {@code known} or of another JSON type, naming its path; shared with {@link CovariateModelJson}. */
    static void checkFields(JsonNode object, String path, Map<String, JsonNodeType> known) {
        Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNodeType type = known.get(e.getKey());
            String at = path + "." + e.getKey();
            if (type == null) {
                throw new CrmJsonException(at, "unknown field '" + e.getKey() + "'; known fields are "
                        + known.keySet(), null);
            }
            if (e.getValue().getNodeType() != type) {
                throw new CrmJsonException(at, "expected a " + type.name().toLowerCase(java.util.Locale.ROOT)
                        + ", found " + e.getValue().getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
            }
        }
    }

    private static Map<String, Double> numbers(JsonNode object, String path) {
        Map<String, Double> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().isNumber()) {
                throw new CrmJsonException(path + "." + e.getKey(), "parameter '" + e.getKey()
                        + "' is not a number: " + e.getValue(), null);
            }
            values.put(e.getKey(), e.getValue().doubleValue());
        }
        return values;
    }
}
