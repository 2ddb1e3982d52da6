package org.crmkit.core.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.VirtualBeanPropertyWriter;
import com.fasterxml.jackson.databind.util.Annotations;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Interaction;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.activity.ServiceRequest;
import org.crmkit.core.customer.AttributeKey;
import org.crmkit.core.customer.AttributeType;
import org.crmkit.core.customer.Attributes;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Profile;
import org.crmkit.core.money.Money;

/**
 * The Jackson module behind {@link CrmJson}: string forms for values with a text form,
 * explicit type ids for the sealed hierarchies, the customer document and attributes.
 */
final class ModelModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    ModelModule() {
        super("crmkit-model");
        text(Money.class, Money::toString, Money::parse);
        text(CustomerId.class, CustomerId::value, CustomerId::of);
        text(ActivityId.class, ActivityId::value, ActivityId::of);
        text(Actor.class, Actor::id, Actor::of);
        text(Instant.class, Instant::toString, Instant::parse);
        text(LocalDate.class, LocalDate::toString, LocalDate::parse);
        addSerializer(AttributeKey.class, new AttributeKeySerializer());
        addDeserializer(AttributeKey.class, new AttributeKeyDeserializer());
        addSerializer(Attributes.class, new AttributesSerializer());
        addDeserializer(Attributes.class, new AttributesDeserializer());
        addSerializer(Customer.class, new CustomerSerializer());
        addDeserializer(Customer.class, new CustomerDeserializer());
        setMixInAnnotation(Activity.class, ActivityMixin.class);
        setMixInAnnotation(Profile.class, ProfileMixin.class);
        setDeserializerModifier(new BeanDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                boolean activityRecord = Activity.class.isAssignableFrom(type) && !type.isInterface();
                return activityRecord ? new SchemaVersionCheck(deserializer) : deserializer;
            }
        });
    }

    private <T> void text(Class<T> type, Function<T, String> format, Function<String, T> parse) {
        addSerializer(type, new StdSerializer<T>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(format.apply(value));
            }
        });
        addDeserializer(type, new StdDeserializer<T>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(ctxt.handleUnexpectedToken(type, p));
                }
                String text = p.getText();
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException | DateTimeException e) {
                    throw ctxt.weirdStringException(text, type, e.getMessage());
                }
            }
        });
    }

    /**
     * Activities carry their kind in the property "activity" (no default typing) and, being
     * documents of their own, the schema version.
     */
    @JsonAppend(prepend = true, props = @JsonAppend.Prop(value = SchemaVersionWriter.class, name = "schemaVersion"))
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "activity")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Purchase.class, name = "purchase"),
        @JsonSubTypes.Type(value = Interaction.class, name = "interaction"),
        @JsonSubTypes.Type(value = CampaignResponse.class, name = "campaign-response"),
        @JsonSubTypes.Type(value = Complaint.class, name = "complaint"),
        @JsonSubTypes.Type(value = ServiceRequest.class, name = "service-request"),
        @JsonSubTypes.Type(value = SatisfactionSurvey.class, name = "satisfaction-survey")
    })
    interface ActivityMixin {
    }

    /** Profiles carry their kind in the property "kind". */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = PersonProfile.class, name = "person"),
        @JsonSubTypes.Type(value = OrganizationProfile.class, name = "organization")
    })
    interface ProfileMixin {
    }

    /** Writes {@code "schemaVersion": 1} into every activity document. */
    static final class SchemaVersionWriter extends VirtualBeanPropertyWriter {
        private static final long serialVersionUID = 1L;

        SchemaVersionWriter() {
        }

        SchemaVersionWriter(BeanPropertyDefinition property, Annotations annotations, JavaType type) {
            super(property, annotations, type);
        }

        @Override
        protected Object value(Object bean, JsonGenerator gen, SerializerProvider provider) {
            return CrmJson.SCHEMA_VERSION;
        }

        @Override
        public VirtualBeanPropertyWriter withConfig(MapperConfig<?> config, AnnotatedClass declaringClass,
                BeanPropertyDefinition property, JavaType type) {
            return new SchemaVersionWriter(property, declaringClass.getAnnotations(), type);
        }
    }

    /**
     * Requires {@code "schemaVersion": 1} in an activity document, then reads the rest as
     * usual; a complaint written before it carried {@code reopenCount} and {@code handoffs}
     * reads with both 0.
     */
    static final class SchemaVersionCheck extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        SchemaVersionCheck(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new SchemaVersionCheck(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            Class<?> type = handledType();
            if (!(tree instanceof ObjectNode object)) {
                return ctxt.reportInputMismatch(type, "an activity must be a JSON object, not %s", tree.getNodeType());
            }
            JsonNode version = object.remove("schemaVersion");
            if (version == null) {
                return ctxt.reportInputMismatch(type, "schemaVersion is missing");
            }
            if (!version.isInt() || version.intValue() != CrmJson.SCHEMA_VERSION) {
                return ctxt.reportInputMismatch(type, "unsupported schemaVersion %s (this library reads %d)", version,
                        CrmJson.SCHEMA_VERSION);
            }
            if (type == Complaint.class) {
                // counts added to complaints within schema version 1: absent means none yet
                object.putIfAbsent("reopenCount", com.fasterxml.jackson.databind.node.IntNode.valueOf(0));
                object.putIfAbsent("handoffs", com.fasterxml.jackson.databind.node.IntNode.valueOf(0));
            }
            try (JsonParser rest = object.traverse(p.getCodec())) {
                rest.nextToken();
                return _delegatee.deserialize(rest, ctxt);
            }
        }
    }

    static final class CustomerSerializer extends StdSerializer<Customer> {
        private static final long serialVersionUID = 1L;

        CustomerSerializer() {
            super(Customer.class);
        }

        @Override
        public void serialize(Customer value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            provider.findValueSerializer(CustomerDocument.class).serialize(CustomerDocument.of(value), gen, provider);
        }
    }

    static final class CustomerDeserializer extends StdDeserializer<Customer> {
        private static final long serialVersionUID = 1L;

        CustomerDeserializer() {
            super(Customer.class);
        }

        @Override
        public Customer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            CustomerDocument document = ctxt.readValue(p, CustomerDocument.class);
            try {
                return document.toCustomer();
            } catch (IllegalArgumentException | IllegalStateException e) {
                return ctxt.reportInputMismatch(Customer.class, "invalid customer: %s", e.getMessage());
            }
        }
    }

    /** {@code {"name": "ns:name", "type": "LONG"}}. */
    @SuppressWarnings("rawtypes")
    static final class AttributeKeySerializer extends StdSerializer<AttributeKey> {
        private static final long serialVersionUID = 1L;

        AttributeKeySerializer() {
            super(AttributeKey.class);
        }

        @Override
        public void serialize(AttributeKey value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("name", value.qualifiedName());
            gen.writeStringField("type", value.type().name());
            gen.writeEndObject();
        }
    }

    @SuppressWarnings("rawtypes")
    static final class AttributeKeyDeserializer extends StdDeserializer<AttributeKey> {
        private static final long serialVersionUID = 1L;

        AttributeKeyDeserializer() {
            super(AttributeKey.class);
        }

        @Override
        public AttributeKey deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            if (!tree.isObject() || tree.size() != 2 || !tree.path("name").isTextual() || !tree.path("type").isTextual()) {
                return ctxt.reportInputMismatch(AttributeKey.class,
                        "an attribute key must be {\"name\": \"namespace:name\", \"type\": ...}");
            }
            try {
                return AttributeKey.parse(tree.get("name").textValue(), AttributeType.valueOf(tree.get("type").textValue()));
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(AttributeKey.class, "%s", e.getMessage());
            }
        }
    }

    /** {@code {"ns:name": {"type": "LONG", "value": 3}, ...}}. */
    static final class AttributesSerializer extends StdSerializer<Attributes> {
        private static final long serialVersionUID = 1L;

        AttributesSerializer() {
            super(Attributes.class);
        }

        @Override
        public void serialize(Attributes value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            for (Map.Entry<AttributeKey<?>, Object> e : value.asMap().entrySet()) {
                gen.writeObjectFieldStart(e.getKey().qualifiedName());
                gen.writeStringField("type", e.getKey().type().name());
                gen.writeFieldName("value");
                Object v = e.getValue();
                switch (e.getKey().type()) {
                    case LONG -> gen.writeNumber((Long) v);
                    case BOOLEAN -> gen.writeBoolean((Boolean) v);
                    case DECIMAL -> gen.writeString(((BigDecimal) v).toPlainString());
                    case STRING, DATE -> gen.writeString(v.toString());
                    default -> throw new IllegalStateException("unhandled attribute type " + e.getKey().type());
                }
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
    }

    static final class AttributesDeserializer extends StdDeserializer<Attributes> {
        private static final long serialVersionUID = 1L;

        AttributesDeserializer() {
            super(Attributes.class);
        }

        @Override
        public Attributes deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            if (!tree.isObject()) {
                return ctxt.reportInputMismatch(Attributes.class, "attributes must be an object, not %s",
                        tree.getNodeType());
            }
            Map<AttributeKey<?>, Object> entries = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = tree.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode entry = field.getValue();
                try {
                    if (!entry.isObject() || entry.size() != 2 || !entry.path("type").isTextual()
                            || !entry.has("value")) {
                        throw new IllegalArgumentException("must be {\"type\": ..., \"value\": ...}");
                    }
                    AttributeType type = AttributeType.valueOf(entry.get("type").asText());
                    entries.put(AttributeKey.parse(name, type), value(type, entry.get("value")));
                } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                    return ctxt.reportInputMismatch(Attributes.class, "attribute '%s': %s", name, e.getMessage());
                }
            }
            try {
                return Attributes.of(entries);
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(Attributes.class, "%s", e.getMessage());
            }
        }

        private static Object value(AttributeType type, JsonNode node) {
            switch (type) {
                case LONG -> {
                    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                        throw new IllegalArgumentException("LONG value must be a whole number: " + node);
                    }
                    return node.longValue();
                }
                case BOOLEAN -> {
                    if (!node.isBoolean()) {
                        throw new IllegalArgumentException("BOOLEAN value must be true or false: " + node);
                    }
                    return node.booleanValue();
                }
                case DECIMAL -> {
                    return new BigDecimal(textual(type, node));
                }
                case DATE -> {
                    return LocalDate.parse(textual(type, node));
                }
                case STRING -> {
                    return textual(type, node);
                }
                default -> throw new IllegalStateException("unhandled attribute type " + type);
            }
        }

        private static String textual(AttributeType type, JsonNode node) {
            if (!node.isTextual()) {
                throw new IllegalArgumentException(type + " value must be a string: " + node);
            }
            return node.textValue();
        }
    }
}
