package org.crmkit.scoring.retention;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.json.CrmJsonException;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.ModelFileException;

/**
 * JSON persistence of retention models and fits.
 *
 * <p>The document is
 * {@code {"model":"sbg","parameters":{"alpha":..,"beta":..},"logLikelihood":..,"converged":true,
 * "iterations":..,"convergence":"..","gradientNorm":..,"customers":..,"cohorts":..,"periods":..,
 * "aic":..,"bic":..,"standardErrors":{..},"covariance":[[..]],"library":"crmkit ..","schemaVersion":1}};
 * {@code bdw} has the parameters {@code gamma, delta, c}. Only {@code model} and
 * {@code parameters} are required when reading, so published estimates can be typed in. Doubles
 * are written in their shortest exact form: a model read back projects exactly as the one
 * written.
 *
 * <p>Reading is strict, like {@link BtydModelJson}: duplicate keys, trailing content, an unknown
 * field, a value of the wrong JSON type, a missing or unknown parameter, a parameter that is not
 * positive and finite, a standard error of an unknown parameter or a negative one, a covariance
 * that is not a square matrix of numbers of the model's size, counts that are not non-negative
 * integers and a {@code schemaVersion} other than {@value #SCHEMA_VERSION} are errors whose
 * message starts with the JSON path ({@code $.parameters.alpha: ...}).
 *
 * <pre>{@code
 * String json = RetentionModelJson.write(fit);
 * RetentionModel again = RetentionModelJson.read(json).model();
 * }</pre>
 *
 * <p>Thread-safe: stateless.
 */
public final class RetentionModelJson {
    /** The schema version written and the newest one read. */
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = CrmJson.mapper();

    private static final Map<String, JsonNodeType> FIELDS = fields(
            "model", JsonNodeType.STRING, "parameters", JsonNodeType.OBJECT,
            "logLikelihood", JsonNodeType.NUMBER, "converged", JsonNodeType.BOOLEAN,
            "iterations", JsonNodeType.NUMBER, "convergence", JsonNodeType.STRING,
            "gradientNorm", JsonNodeType.NUMBER, "customers", JsonNodeType.NUMBER,
            "cohorts", JsonNodeType.NUMBER, "periods", JsonNodeType.NUMBER,
            "aic", JsonNodeType.NUMBER, "bic", JsonNodeType.NUMBER,
            "standardErrors", JsonNodeType.OBJECT, "covariance", JsonNodeType.ARRAY,
            "library", JsonNodeType.STRING, "schemaVersion", JsonNodeType.NUMBER);

    private RetentionModelJson() {
    }

    /**
     * Writes a fit with its diagnostics.
     *
     * @param fit the fit, not null
     * @return the JSON document, never null
     */
    public static String write(RetentionFit fit) {
        Objects.requireNonNull(fit, "fit");
        ObjectNode root = header(fit.model());
        root.put("logLikelihood", fit.logLikelihood());
        root.put("converged", fit.converged());
        root.put("iterations", fit.iterations());
        root.put("convergence", fit.convergence());
        root.put("gradientNorm", fit.gradientNorm());
        root.put("customers", fit.customers());
        root.put("cohorts", fit.cohorts());
        root.put("periods", fit.periods());
        root.put("aic", fit.aic());
        root.put("bic", fit.bic());
        if (!fit.standardErrors().isEmpty()) {
            ObjectNode se = root.putObject("standardErrors");
            fit.standardErrors().forEach(se::put);
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
        return trailer(root);
    }

    /**
     * Writes a model without fit diagnostics.
     *
     * @param model the model, not null
     * @return the JSON document, never null
     */
    public static String write(RetentionModel model) {
        Objects.requireNonNull(model, "model");
        return trailer(header(model));
    }

    private static ObjectNode header(RetentionModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", model.modelName());
        ObjectNode parameters = root.putObject("parameters");
        model.parameters().forEach(parameters::put);
        return root;
    }

    private static String trailer(ObjectNode root) {
        root.put("library", BtydModelJson.libraryVersion());
        root.put("schemaVersion", SCHEMA_VERSION);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write retention model JSON", e);
        }
    }

    /**
     * Reads a model document (see the class documentation for the checks).
     *
     * @param json the document, not null
     * @return the model with the diagnostics recorded, never null
     * @throws CrmJsonException if the document is invalid; {@link CrmJsonException#path()} names the JSON path
     */
    public static RetentionModelFile read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root = CrmJson.readTree(json);
        if (!root.isObject()) {
            throw new CrmJsonException("$", "a retention model JSON document must be an object", null);
        }
        var it = root.properties().iterator();
        while (it.hasNext()) {
            var e = it.next();
            JsonNodeType type = FIELDS.get(e.getKey());
            if (type == null) {
                throw new CrmJsonException("$." + e.getKey(), "unknown field '" + e.getKey() + "'; known fields are "
                        + FIELDS.keySet(), null);
            }
            if (e.getValue().getNodeType() != type) {
                throw new CrmJsonException("$." + e.getKey(), "expected a " + type.name().toLowerCase(Locale.ROOT)
                        + ", found " + e.getValue().getNodeType().name().toLowerCase(Locale.ROOT), null);
            }
        }
        JsonNode schema = root.get("schemaVersion");
        if (schema != null && (!schema.isIntegralNumber() || !schema.canConvertToInt()
                || schema.asInt() != SCHEMA_VERSION)) {
            throw new CrmJsonException("$.schemaVersion", "unsupported schemaVersion " + schema
                    + "; this crmkit reads schemaVersion " + SCHEMA_VERSION, null);
        }
        JsonNode name = root.get("model");
        if (name == null) {
            throw new CrmJsonException("$.model", "missing: the text field 'model' is required (sbg or bdw)", null);
        }
        RetentionModelKind kind;
        try {
            kind = RetentionModelKind.parse(name.asText());
        } catch (IllegalArgumentException e) {
            throw new CrmJsonException("$.model", e.getMessage(), null);
        }
        JsonNode parameters = root.get("parameters");
        if (parameters == null) {
            throw new CrmJsonException("$.parameters", "missing: the object 'parameters' is required", null);
        }
        List<String> names = kind.parameterNames();
        checkNames(parameters, "$.parameters", names, true);
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            String at = "$.parameters." + names.get(i);
            values[i] = number(parameters.get(names.get(i)), at);
            if (!(values[i] > 0)) {
                throw new CrmJsonException(at, "parameter '" + names.get(i) + "' must be positive: " + values[i], null);
            }
        }
        RetentionModel model = kind.create(values);
        Map<String, Double> se = new LinkedHashMap<>();
        JsonNode seNode = root.get("standardErrors");
        if (seNode != null) {
            checkNames(seNode, "$.standardErrors", names, false);
            for (String n : names) {
                if (seNode.has(n)) {
                    double v = number(seNode.get(n), "$.standardErrors." + n);
                    if (v < 0) {
                        throw new CrmJsonException("$.standardErrors." + n, "a standard error cannot be negative: "
                                + v, null);
                    }
                    se.put(n, v);
                }
            }
        }
        JsonNode covariance = root.get("covariance");
        if (covariance != null) {
            if (covariance.size() != names.size()) {
                throw new CrmJsonException("$.covariance", "expected " + names.size() + " rows for " + kind.modelName()
                        + ", found " + covariance.size(), null);
            }
            for (int i = 0; i < covariance.size(); i++) {
                JsonNode row = covariance.get(i);
                if (!row.isArray() || row.size() != names.size()) {
                    throw new CrmJsonException("$.covariance[" + i + "]", "expected an array of " + names.size()
                            + " numbers", null);
                }
                for (int j = 0; j < row.size(); j++) {
                    number(row.get(j), "$.covariance[" + i + "][" + j + "]");
                }
            }
        }
        for (String count : List.of("iterations", "customers", "cohorts", "periods")) {
            JsonNode n = root.get(count);
            if (n != null && (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0)) {
                throw new CrmJsonException("$." + count, "expected a whole number >= 0, found " + n, null);
            }
        }
        for (String real : List.of("logLikelihood", "gradientNorm", "aic", "bic")) {
            JsonNode n = root.get(real);
            if (n != null) {
                number(n, "$." + real);
            }
        }
        JsonNode ll = root.get("logLikelihood");
        JsonNode converged = root.get("converged");
        JsonNode customers = root.get("customers");
        return new RetentionModelFile(model,
                ll != null ? OptionalDouble.of(ll.doubleValue()) : OptionalDouble.empty(),
                converged != null ? Optional.of(converged.booleanValue()) : Optional.empty(),
                se, customers != null ? OptionalLong.of(customers.asLong()) : OptionalLong.empty());
    }

    /**
     * Reads a model file (UTF-8, a byte order mark skipped) as {@link #read(String)} does.
     *
     * @param file the file, not null
     * @return the model with its recorded diagnostics, never null
     * @throws IOException if the file cannot be read
     * @throws ModelFileException if the file is not UTF-8 or not a valid document; it names the
     *     file and the JSON path
     */
    public static RetentionModelFile read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = Files.readAllBytes(file);
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFileException(file.toString(), "$", "invalid UTF-8; the file must be UTF-8");
        }
        try {
            return read(json);
        } catch (CrmJsonException e) {
            ModelFileException m = new ModelFileException(file.toString(), e.path(),
                    e.getMessage().substring(e.path().length() + 2));
            m.initCause(e);
            throw m;
        }
    }

    private static void checkNames(JsonNode object, String path, List<String> names, boolean required) {
        var it = object.properties().iterator();
        while (it.hasNext()) {
            String key = it.next().getKey();
            if (!names.contains(key)) {
                throw new CrmJsonException(path + "." + key, "unknown parameter '" + key + "'; the model's parameters are "
                        + names, null);
            }
        }
        if (required) {
            for (String n : names) {
                if (!object.has(n)) {
                    throw new CrmJsonException(path + "." + n, "missing: parameter '" + n + "' is required", null);
                }
            }
        }
    }

    private static double number(JsonNode node, String path) {
        if (node == null || !node.isNumber()) {
            throw new CrmJsonException(path, "not a number: " + node, null);
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw new CrmJsonException(path, "not a finite double: " + node, null);
        }
        return v;
    }

    private static Map<String, JsonNodeType> fields(Object... nameType) {
        Map<String, JsonNodeType> m = new LinkedHashMap<>();
        for (int i = 0; i < nameType.length; i += 2) {
            m.put((String) nameType[i], (JsonNodeType) nameType[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
