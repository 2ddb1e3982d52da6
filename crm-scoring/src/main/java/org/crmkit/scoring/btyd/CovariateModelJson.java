package org.crmkit.scoring.btyd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.json.CrmJsonException;

/**
 * JSON persistence of covariate models ({@link CovariateModel}, {@link CovariateFit}).
 *
 * <p>The document extends the one of {@link BtydModelJson} by the design and the
 * coefficients:
 * {@code {"model":"pareto-nbd","parameters":{"r":..,"alpha":..,"s":..,"beta":..},
 * "covariates":[{"name":"gender","type":"categorical","levels":["f","m"],"reference":"f"},
 * {"name":"score","type":"numeric"}],
 * "coefficients":{"transaction":{"gender=m":..,"score":..},"lifetime":{..}},
 * "standardErrors":{"r":..,..,"trans.gender=m":..,"life.score":..},
 * "logLikelihood":..,"plainLogLikelihood":..,"converged":true,"iterations":..,"customers":..,
 * "convergence":"..",["limitReached":"time|iterations" (only when a limit stopped the fit),]
 * "gradientNorm":..,"aic":..,"bic":..,
 * ["regularization":{"transaction":..,"lifetime":..},"penalty":..,]
 * "timeUnit":"weeks","library":"crmkit ..","schemaVersion":1}}. Only {@code model},
 * {@code parameters}, {@code covariates} and {@code coefficients} are required when reading;
 * {@code standardErrors} is read back into the model. A document has {@code covariates}
 * exactly when it is a covariate model ({@link #isCovariateModel(String)}), which is how a
 * reader tells it from a plain model file.
 *
 * <pre>{@code
 * String json = CovariateModelJson.write(fit, "weeks");
 * CovariateModel model = CovariateModelJson.read(json).model();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CovariateModelJson {

    /** The document version written and read, {@value}. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = CrmJson.mapper();

    private static final Map<String, JsonNodeType> FIELDS = BtydModelJson.fields(
            "model", JsonNodeType.STRING, "parameters", JsonNodeType.OBJECT,
            "covariates", JsonNodeType.ARRAY, "coefficients", JsonNodeType.OBJECT,
            "standardErrors", JsonNodeType.OBJECT,
            "logLikelihood", JsonNodeType.NUMBER, "plainLogLikelihood", JsonNodeType.NUMBER,
            "converged", JsonNodeType.BOOLEAN, "iterations", JsonNodeType.NUMBER,
            "customers", JsonNodeType.NUMBER, "convergence", JsonNodeType.STRING,
            "limitReached", JsonNodeType.STRING, "gradientNorm", JsonNodeType.NUMBER, "aic", JsonNodeType.NUMBER, "bic", JsonNodeType.NUMBER,
            "regularization", JsonNodeType.OBJECT, "penalty", JsonNodeType.NUMBER,
            "timeUnit", JsonNodeType.STRING, "library", JsonNodeType.STRING,
            "schemaVersion", JsonNodeType.NUMBER);
    private static final Map<String, JsonNodeType> COVARIATE_FIELDS = BtydModelJson.fields(
            "name", JsonNodeType.STRING, "type", JsonNodeType.STRING,
            "levels", JsonNodeType.ARRAY, "reference", JsonNodeType.STRING);
    private static final Map<String, JsonNodeType> COEFFICIENT_FIELDS = BtydModelJson.fields(
            "transaction", JsonNodeType.OBJECT, "lifetime", JsonNodeType.OBJECT);
    private static final Map<String, JsonNodeType> REGULARIZATION_FIELDS = BtydModelJson.fields(
            "transaction", JsonNodeType.NUMBER, "lifetime", JsonNodeType.NUMBER);

    private CovariateModelJson() {
    }

    /**
     * A covariate model read from JSON with the diagnostics the file held.
     *
     * @param model the model (with its standard errors), never null
     * @param timeUnit the time unit of the fit, if recorded
     * @param logLikelihood the log-likelihood of the fit, if recorded
     * @param converged whether the fit converged, if recorded
     */
    public record Stored(CovariateModel model, Optional<String> timeUnit, OptionalDouble logLikelihood,
            Optional<Boolean> converged) {

        /**
         * Checks the components.
         *
         * @param model see the record component
         * @param timeUnit see the record component
         * @param logLikelihood see the record component
         * @param converged see the record component
         * @throws NullPointerException if a component is null
         */
        public Stored {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(timeUnit, "timeUnit");
            Objects.requireNonNull(logLikelihood, "logLikelihood");
            Objects.requireNonNull(converged, "converged");
        }
    }

    /**
     * Writes a fit with its diagnostics.
     *
     * @param fit the fit, not null
     * @param timeUnit the time unit of the data, e.g. {@code weeks}, not null
     * @return the JSON document, never null
     */
    public static String write(CovariateFit fit, String timeUnit) {
        Objects.requireNonNull(fit, "fit");
        ObjectNode root = header(fit.model());
        putFinite(root, "logLikelihood", fit.logLikelihood());
        fit.plainLogLikelihood().ifPresent(v -> putFinite(root, "plainLogLikelihood", v));
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
        putFinite(root, "gradientNorm", fit.gradientNorm());
        putFinite(root, "aic", fit.aic());
        putFinite(root, "bic", fit.bic());
        if (fit.regularizationTransaction() > 0 || fit.regularizationLifetime() > 0) {
            ObjectNode reg = root.putObject("regularization");
            reg.put("transaction", fit.regularizationTransaction());
            reg.put("lifetime", fit.regularizationLifetime());
            root.put("penalty", fit.penalty());
        }
        return trailer(root, timeUnit);
    }

    private static void putFinite(ObjectNode root, String name, double v) {
        if (Double.isFinite(v)) {
            root.put(name, v);
        }
    }

    /**
     * Writes a model without fit diagnostics (its standard errors included).
     *
     * @param model the model, not null
     * @param timeUnit the time unit of its parameters, not null
     * @return the JSON document, never null
     */
    public static String write(CovariateModel model, String timeUnit) {
        Objects.requireNonNull(model, "model");
        return trailer(header(model), timeUnit);
    }

    private static ObjectNode header(CovariateModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", model.family().modelName());
        ObjectNode parameters = root.putObject("parameters");
        model.parameters().forEach(parameters::put);
        ArrayNode covariates = root.putArray("covariates");
        for (CovariateDesign.Covariate c : model.design().covariates()) {
            ObjectNode n = covariates.addObject();
            n.put("name", c.name());
            n.put("type", c.kind().name().toLowerCase(Locale.ROOT));
            if (c.kind() == CovariateDesign.Kind.CATEGORICAL) {
                ArrayNode levels = n.putArray("levels");
                c.levels().forEach(levels::add);
                n.put("reference", c.reference());
            }
        }
        ObjectNode coefficients = root.putObject("coefficients");
        ObjectNode trans = coefficients.putObject("transaction");
        model.transactionCoefficients().forEach(trans::put);
        ObjectNode life = coefficients.putObject("lifetime");
        model.lifetimeCoefficients().forEach(life::put);
        if (!model.standardErrors().isEmpty()) {
            ObjectNode se = root.putObject("standardErrors");
            model.standardErrors().forEach(se::put);
        }
        return root;
    }

    private static String trailer(ObjectNode root, String timeUnit) {
        Objects.requireNonNull(timeUnit, "timeUnit");
        root.put("timeUnit", timeUnit);
        root.put("library", BtydModelJson.libraryVersion());
        root.put("schemaVersion", SCHEMA_VERSION);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write covariate model JSON", e);
        }
    }

    /**
     * Returns whether a JSON document is a covariate model document: an object with a
     * {@code covariates} field. Does not validate the rest.
     *
     * @param json the document, not null
     * @return true for a covariate model document
     * @throws CrmJsonException if the text is not JSON
     */
    public static boolean isCovariateModel(String json) {
        JsonNode root = CrmJson.readTree(Objects.requireNonNull(json, "json"));
        return root.isObject() && root.has("covariates");
    }

    /**
     * Reads a covariate model document, as strictly as {@link BtydModelJson#read(String)}:
     * an unknown field, a value of the wrong type, an unknown coefficient or a missing one,
     * and an invalid value are errors whose message starts with the JSON path.
     *
     * @param json the document, not null
     * @return the stored model, never null
     * @throws CrmJsonException if the document is invalid; {@link CrmJsonException#path()}
     *     names the JSON path
     */
    public static Stored read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root = CrmJson.readTree(json);
        if (!root.isObject()) {
            throw new CrmJsonException("$", "a model JSON document must be an object", null);
        }
        BtydModelJson.checkFields(root, "$", FIELDS);
        JsonNode schema = root.get("schemaVersion");
        if (schema != null && (!schema.isIntegralNumber() || schema.asInt() != SCHEMA_VERSION)) {
            throw new CrmJsonException("$.schemaVersion", "unsupported schemaVersion " + schema
                    + "; this crmkit reads schemaVersion " + SCHEMA_VERSION, null);
        }
        CovariateModel.Family family;
        try {
            family = CovariateModel.Family.of(require(root, "model", "$").asText());
        } catch (IllegalArgumentException e) {
            throw new CrmJsonException("$.model", e.getMessage(), null);
        }
        Map<String, Double> parameters = numbers(require(root, "parameters", "$"), "$.parameters");
        double[] base = new double[4];
        for (int k = 0; k < 4; k++) {
            String name = family.parameterNames().get(k);
            Double v = parameters.remove(name);
            if (v == null) {
                throw new CrmJsonException("$.parameters." + name, "missing parameter '" + name + "'", null);
            }
            base[k] = v;
        }
        if (!parameters.isEmpty()) {
            String extra = parameters.keySet().iterator().next();
            throw new CrmJsonException("$.parameters." + extra, "unknown parameter '" + extra + "' of "
                    + family.modelName() + "; expected " + family.parameterNames(), null);
        }
        CovariateDesign design = design(require(root, "covariates", "$"));
        JsonNode coefficients = require(root, "coefficients", "$");
        BtydModelJson.checkFields(coefficients, "$.coefficients", COEFFICIENT_FIELDS);
        double[] trans = coefficients(design, require(coefficients, "transaction", "$.coefficients"),
                "$.coefficients.transaction");
        double[] life = coefficients(design, require(coefficients, "lifetime", "$.coefficients"),
                "$.coefficients.lifetime");
        Map<String, Double> se = numbers(root.path("standardErrors"), "$.standardErrors");
        JsonNode reg = root.get("regularization");
        if (reg != null) {
            BtydModelJson.checkFields(reg, "$.regularization", REGULARIZATION_FIELDS);
        }
        CovariateModel model;
        try {
            model = CovariateModel.of(family, base, design, trans, life, se);
        } catch (IllegalArgumentException e) {
            throw new CrmJsonException("$", e.getMessage(), null);
        }
        JsonNode unit = root.get("timeUnit");
        JsonNode ll = root.get("logLikelihood");
        JsonNode converged = root.get("converged");
        return new Stored(model, unit != null ? Optional.of(unit.asText()) : Optional.empty(),
                ll != null ? OptionalDouble.of(ll.doubleValue()) : OptionalDouble.empty(),
                converged != null ? Optional.of(converged.booleanValue()) : Optional.empty());
    }

    /**
     * Reads a covariate model file (UTF-8, a byte order mark skipped) as {@link #read(String)}.
     *
     * @param file the file, not null
     * @return the stored model, never null
     * @throws IOException if the file cannot be read
     * @throws ModelFileException if the file is not valid UTF-8 or not a valid document; it
     *     names the file and the JSON path
     */
    public static Stored read(Path file) throws IOException {
        return BtydModelJson.readFile(file, CovariateModelJson::read);
    }

    private static CovariateDesign design(JsonNode covariates) {
        if (covariates.isEmpty()) {
            throw new CrmJsonException("$.covariates", "no covariate; a covariate model needs at least one", null);
        }
        CovariateDesign.Builder b = CovariateDesign.builder();
        for (int i = 0; i < covariates.size(); i++) {
            String at = "$.covariates[" + i + "]";
            JsonNode c = covariates.get(i);
            if (!c.isObject()) {
                throw new CrmJsonException(at, "expected an object", null);
            }
            BtydModelJson.checkFields(c, at, COVARIATE_FIELDS);
            String name = require(c, "name", at).asText();
            String type = require(c, "type", at).asText();
            try {
                if (type.equals("numeric")) {
                    if (c.has("levels") || c.has("reference")) {
                        throw new CrmJsonException(at, "a numeric covariate has no levels or reference", null);
                    }
                    b.numeric(name);
                } else if (type.equals("categorical")) {
                    JsonNode levels = require(c, "levels", at);
                    List<String> list = new ArrayList<>();
                    for (int j = 0; j < levels.size(); j++) {
                        if (!levels.get(j).isTextual()) {
                            throw new CrmJsonException(at + ".levels[" + j + "]", "not a text: " + levels.get(j), null);
                        }
                        list.add(levels.get(j).asText());
                    }
                    b.categorical(name, list, require(c, "reference", at).asText());
                } else {
                    throw new CrmJsonException(at + ".type", "type '" + type + "' is not numeric or categorical",
                            null);
                }
            } catch (CrmJsonException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new CrmJsonException(at, e.getMessage(), null);
            }
        }
        return b.build();
    }

    private static double[] coefficients(CovariateDesign design, JsonNode node, String path) {
        Map<String, Double> values = numbers(node, path);
        double[] c = new double[design.width()];
        for (int j = 0; j < c.length; j++) {
            String name = design.coefficientNames().get(j);
            Double v = values.remove(name);
            if (v == null) {
                throw new CrmJsonException(path + "." + name, "missing coefficient '" + name + "'", null);
            }
            c[j] = v;
        }
        if (!values.isEmpty()) {
            String extra = values.keySet().iterator().next();
            throw new CrmJsonException(path + "." + extra, "coefficient '" + extra + "' is not a design column "
                    + design.coefficientNames(), null);
        }
        return c;
    }

    private static JsonNode require(JsonNode object, String field, String path) {
        JsonNode n = object.get(field);
        if (n == null) {
            throw new CrmJsonException(path + "." + field, "missing: the field '" + field + "' is required", null);
        }
        return n;
    }

    private static Map<String, Double> numbers(JsonNode object, String path) {
        Map<String, Double> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().isNumber()) {
                throw new CrmJsonException(path + "." + e.getKey(), "'" + e.getKey() + "' is not a number: "
                        + e.getValue(), null);
            }
            values.put(e.getKey(), e.getValue().doubleValue());
        }
        return values;
    }
}
