package org.crmkit.scoring.btyd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * JSON persistence of fitted buy-till-you-die models.
 *
 * <p>The document is
 * {@code {"model":"bg-nbd","parameters":{"r":..,"alpha":..,"a":..,"b":..},
 * "logLikelihood":..,"converged":true,"iterations":..,"customers":..,
 * "convergence":"..","gradientNorm":..,"aic":..,"bic":..,"standardErrors":{..},
 * "covariance":[[..]],"attempts":[..],"timeUnit":"weeks","library":"crmkit ..",
 * "schemaVersion":1}}. Only {@code model} and {@code parameters} are required when
 * reading, so a researcher can type in published estimates. Doubles are written in their
 * shortest exact form, so a model read back predicts exactly as the one written. A file
 * with a {@code schemaVersion} newer than {@value #SCHEMA_VERSION} is rejected.
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
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        root.put("gradientNorm", fit.gradientNorm());
        root.put("aic", fit.aic());
        root.put("bic", fit.bic());
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

    /**
     * Reads a model document.
     *
     * @param json the document, not null
     * @return the stored model, never null
     * @throws IllegalArgumentException if the text is not JSON, lacks {@code model} or
     *     {@code parameters}, has a non-numeric parameter, or a newer schema version
     */
    public static StoredModel read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid model JSON document: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a model JSON document must be an object");
        }
        JsonNode schema = root.get("schemaVersion");
        if (schema != null) {
            if (!schema.canConvertToInt()) {
                throw new IllegalArgumentException("schemaVersion " + schema + " is not an integer");
            }
            if (schema.asInt() > SCHEMA_VERSION) {
                throw new IllegalArgumentException("model file schemaVersion " + schema.asInt()
                        + " is newer than the supported " + SCHEMA_VERSION + "; upgrade crmkit");
            }
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual()) {
            throw new IllegalArgumentException("model JSON lacks the text field 'model'");
        }
        JsonNode parameters = root.get("parameters");
        if (parameters == null || !parameters.isObject()) {
            throw new IllegalArgumentException("model JSON lacks the object 'parameters'");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = parameters.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' is not a number: "
                        + e.getValue());
            }
            values.put(e.getKey(), e.getValue().doubleValue());
        }
        JsonNode unit = root.get("timeUnit");
        JsonNode ll = root.get("logLikelihood");
        JsonNode converged = root.get("converged");
        return new StoredModel(model.asText(), values,
                unit != null && unit.isTextual() ? Optional.of(unit.asText()) : Optional.empty(),
                ll != null && ll.isNumber() ? OptionalDouble.of(ll.doubleValue()) : OptionalDouble.empty(),
                converged != null && converged.isBoolean() ? Optional.of(converged.booleanValue())
                        : Optional.empty());
    }
}
