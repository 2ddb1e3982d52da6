package org.crmkit.core.segment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A mutable, array-backed {@link Subject}: set attribute values by name or slot, add activities,
 * evaluate, then {@link #clear()} and reuse it for the next customer.
 *
 * <pre>{@code
 * SubjectRecord s = new SubjectRecord(registry).asOf(LocalDate.of(2026, 6, 30));
 * s.setNumber("age", 42).setText("gender", "female")
 *  .addPurchase(LocalDate.of(2026, 6, 1), 120.0, "sku-1", "books", "web");
 * }</pre>
 *
 * <p>Not thread-safe: use one record per thread.
 */
public final class SubjectRecord implements Subject {

    private static final java.util.regex.Pattern FINITE_DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final java.time.format.DateTimeFormatter ISO_DATE =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final AttributeRegistry registry;
    private final boolean[] present;
    private final double[] numbers;
    private final long[] days;
    private final Object[] refs;
    private long asOf;

    private int activities;
    private boolean[] purchase = new boolean[4];
    private long[] activityDays = new long[4];
    private double[] amounts = new double[4];
    private String[] products = new String[4];
    private String[] categories = new String[4];
    private String[] channels = new String[4];

    /**
     * Creates an empty record for the attributes of a registry, as of 1970-01-01.
     *
     * @param registry the registry, not null
     */
    public SubjectRecord(AttributeRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        int n = registry.size();
        present = new boolean[n];
        numbers = new double[n];
        days = new long[n];
        refs = new Object[n];
    }

    /**
     * Sets the as-of date.
     *
     * @param date the date, not null
     * @return this record
     */
    public SubjectRecord asOf(LocalDate date) {
        asOf = Objects.requireNonNull(date, "date").toEpochDay();
        return this;
    }

    /**
     * Removes every attribute value and activity (keeps the as-of date).
     *
     * @return this record
     */
    public SubjectRecord clear() {
        Arrays.fill(present, false);
        Arrays.fill(refs, null);
        Arrays.fill(products, 0, activities, null);
        Arrays.fill(categories, 0, activities, null);
        Arrays.fill(channels, 0, activities, null);
        activities = 0;
        return this;
    }

    private int slotOf(String name, AttributeType type) {
        int slot = registry.slot(name);
        Attribute a = registry.attribute(slot);
        if (a.type() != type && !(type == AttributeType.STRING && a.type() == AttributeType.ENUM)) {
            throw new IllegalArgumentException("attribute '" + name + "' is " + a.type().jsonName()
                    + ", not " + type.jsonName());
        }
        return slot;
    }

    /**
     * Sets a NUMBER attribute.
     *
     * @param name the attribute name, not null
     * @param value the value, finite
     * @return this record
     * @throws IllegalArgumentException if the attribute is unknown or not a number, or the value
     *     is not finite
     */
    public SubjectRecord setNumber(String name, double value) {
        return setNumber(slotOf(name, AttributeType.NUMBER), value);
    }

    /**
     * Sets a NUMBER attribute by slot.
     *
     * @param slot the slot
     * @param value the value, finite
     * @return this record
     * @throws IllegalArgumentException if the value is not finite
     */
    public SubjectRecord setNumber(int slot, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of '" + registry.attribute(slot).name()
                    + "' must be finite, was " + value);
        }
        numbers[slot] = value;
        present[slot] = true;
        return this;
    }

    /**
     * Sets a DATE attribute.
     *
     * @param name the attribute name, not null
     * @param value the date, not null
     * @return this record
     * @throws IllegalArgumentException if the attribute is unknown or not a date
     */
    public SubjectRecord setDate(String name, LocalDate value) {
        int slot = slotOf(name, AttributeType.DATE);
        days[slot] = Objects.requireNonNull(value, "value").toEpochDay();
        present[slot] = true;
        return this;
    }

    /**
     * Sets a BOOLEAN attribute.
     *
     * @param name the attribute name, not null
     * @param value the value
     * @return this record
     * @throws IllegalArgumentException if the attribute is unknown or not boolean
     */
    public SubjectRecord setBool(String name, boolean value) {
        int slot = slotOf(name, AttributeType.BOOLEAN);
        numbers[slot] = value ? 1 : 0;
        present[slot] = true;
        return this;
    }

    /**
     * Sets a STRING or ENUM attribute; an ENUM value must be one of the declared values.
     *
     * @param name the attribute name, not null
     * @param value the value, not null
     * @return this record
     * @throws IllegalArgumentException if the attribute is unknown, not a string or enum, or the
     *     value is not a declared enum value
     */
    public SubjectRecord setText(String name, String value) {
        int slot = slotOf(name, AttributeType.STRING);
        Objects.requireNonNull(value, "value");
        Attribute a = registry.attribute(slot);
        if (a.type() == AttributeType.ENUM && !a.values().contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a value of enum attribute '"
                    + name + "', expected one of " + a.values());
        }
        refs[slot] = value;
        present[slot] = true;
        return this;
    }

    /**
     * Sets a STRING_SET attribute.
     *
     * @param name the attribute name, not null
     * @param value the elements, not null
     * @return this record
     * @throws IllegalArgumentException if the attribute is unknown or not a string set
     */
    public SubjectRecord setElements(String name, Set<String> value) {
        int slot = slotOf(name, AttributeType.STRING_SET);
        refs[slot] = Set.copyOf(value);
        present[slot] = true;
        return this;
    }

    /**
     * Sets an attribute from its text form, read by the attribute's type: NUMBER a finite
     * decimal ({@code 12.5}), DATE {@code yyyy-MM-dd} (years 1000 to 9998), BOOLEAN
     * {@code true} or {@code false}, ENUM one of the declared values, STRING as it is,
     * STRING_SET elements separated by {@code |} (empty elements dropped). This is how the
     * subject readers ({@link SubjectJson}, {@link SubjectCsv}) fill a record, so that CSV and
     * JSON input mean the same.
     *
     * <pre>{@code
     * record.parse(registry.slot("age"), "42").parse(registry.slot("tags"), "vip|web");
     * }</pre>
     *
     * @param slot the attribute's slot in the registry
     * @param text the value as text, not null; an empty text is not a value (use
     *     {@link #setAbsent})
     * @return this record
     * @throws IllegalArgumentException if the text is not a value of the attribute's type; the
     *     message names the expected form but never repeats the text, which may be personal data
     */
    public SubjectRecord parse(int slot, String text) {
        Objects.requireNonNull(text, "text");
        Attribute a = registry.attribute(slot);
        switch (a.type()) {
            case NUMBER: {
                double d;
                try {
                    d = Double.parseDouble(text.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number (expected a decimal such as 12.5)");
                }
                if (!Double.isFinite(d) || !FINITE_DECIMAL.matcher(text.strip()).matches()) {
                    throw new IllegalArgumentException("not a finite decimal number (expected such as 12.5)");
                }
                return setNumber(slot, d);
            }
            case DATE: {
                LocalDate date;
                try {
                    date = LocalDate.parse(text.strip(), ISO_DATE);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("not a date yyyy-MM-dd");
                }
                if (date.getYear() < 1000 || date.getYear() > 9998) {
                    throw new IllegalArgumentException("not a plausible date (years 1000 to 9998)");
                }
                days[slot] = date.toEpochDay();
                present[slot] = true;
                return this;
            }
            case BOOLEAN:
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
                numbers[slot] = text.equals("true") ? 1 : 0;
                present[slot] = true;
                return this;
            case ENUM:
                if (!a.values().contains(text)) {
                    throw new IllegalArgumentException("not a declared value, expected one of " + a.values());
                }
                refs[slot] = text;
                present[slot] = true;
                return this;
            case STRING_SET: {
                Set<String> elements = new java.util.LinkedHashSet<>();
                for (String e : text.split("\\|", -1)) {
                    if (!e.isEmpty()) {
                        elements.add(e);
                    }
                }
                refs[slot] = java.util.Collections.unmodifiableSet(elements);
                present[slot] = true;
                return this;
            }
            default:
                refs[slot] = text;
                present[slot] = true;
                return this;
        }
    }

    /**
     * Makes an attribute absent.
     *
     * @param name the attribute name, not null
     * @return this record
     * @throws IllegalArgumentException if the attribute is unknown
     */
    public SubjectRecord setAbsent(String name) {
        int slot = registry.slot(name);
        present[slot] = false;
        refs[slot] = null;
        return this;
    }

    /**
     * Adds a purchase.
     *
     * @param date the purchase date, not null
     * @param amount the amount, finite
     * @param product the product, or null
     * @param category the category, or null
     * @param channel the channel, or null
     * @return this record
     * @throws IllegalArgumentException if the amount is not finite
     */
    public SubjectRecord addPurchase(LocalDate date, double amount, String product, String category,
            String channel) {
        return addActivity(true, date, amount, product, category, channel);
    }

    /**
     * Adds an interaction (contact, complaint, campaign response, ...).
     *
     * @param date the date, not null
     * @param channel the channel, or null
     * @return this record
     */
    public SubjectRecord addInteraction(LocalDate date, String channel) {
        return addActivity(false, date, 0, null, null, channel);
    }

    /**
     * Adds an interaction with an amount (e.g. the value of a campaign response) and a product.
     *
     * @param date the date, not null
     * @param amount the amount, finite
     * @param product the product concerned, or null
     * @param channel the channel, or null
     * @return this record
     * @throws IllegalArgumentException if the amount is not finite
     */
    public SubjectRecord addInteraction(LocalDate date, double amount, String product, String channel) {
        return addActivity(false, date, amount, product, null, channel);
    }

    private SubjectRecord addActivity(boolean isPurchase, LocalDate date, double amount, String product,
            String category, String channel) {
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("activity amount must be finite, was " + amount);
        }
        if (activities == purchase.length) {
            int n = activities * 2;
            purchase = Arrays.copyOf(purchase, n);
            activityDays = Arrays.copyOf(activityDays, n);
            amounts = Arrays.copyOf(amounts, n);
            products = Arrays.copyOf(products, n);
            categories = Arrays.copyOf(categories, n);
            channels = Arrays.copyOf(channels, n);
        }
        purchase[activities] = isPurchase;
        activityDays[activities] = date.toEpochDay();
        amounts[activities] = amount;
        products[activities] = product;
        categories[activities] = category;
        channels[activities] = channel;
        activities++;
        return this;
    }

    /**
     * Returns the registry whose slots this record uses.
     *
     * @return the registry, never null
     */
    public AttributeRegistry registry() {
        return registry;
    }

    @Override
    public boolean isPresent(int slot) {
        return present[slot];
    }

    @Override
    public double number(int slot) {
        return numbers[slot];
    }

    @Override
    public long epochDay(int slot) {
        return days[slot];
    }

    @Override
    public boolean bool(int slot) {
        return numbers[slot] != 0;
    }

    @Override
    public String text(int slot) {
        return (String) refs[slot];
    }

    @Override
    public boolean hasElement(int slot, String element) {
        return refs[slot] instanceof Set<?> set && set.contains(element);
    }

    @Override
    public long asOfEpochDay() {
        return asOf;
    }

    @Override
    public int activityCount() {
        return activities;
    }

    @Override
    public boolean activityIsPurchase(int index) {
        return purchase[index];
    }

    @Override
    public long activityEpochDay(int index) {
        return activityDays[index];
    }

    @Override
    public double activityAmount(int index) {
        return amounts[index];
    }

    @Override
    public String activityProduct(int index) {
        return products[index];
    }

    @Override
    public String activityCategory(int index) {
        return categories[index];
    }

    @Override
    public String activityChannel(int index) {
        return channels[index];
    }

    @Override
    public String toString() {
        return "SubjectRecord[" + registry.size() + " slots, " + activities + " activities]";
    }
}
