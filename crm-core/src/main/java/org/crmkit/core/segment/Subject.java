package org.crmkit.core.segment;

/**
 * The view of one customer (or any other subject) that compiled rules read, attribute by slot.
 *
 * <p>Slots are those of the {@link AttributeRegistry} the rules were compiled against. A compiled
 * rule first asks {@link #isPresent(int)} and only then reads the typed value of the slot with the
 * accessor for the attribute's {@link AttributeType}; values are primitives or strings, so
 * absence needs no boxing. Windowed aggregates read the subject's activities by index.
 *
 * <p>Implementations are usually flyweights: one mutable view re-pointed at each customer of a
 * bulk run (see {@link SubjectRecord}). A subject is seen as of a date ({@link #asOfEpochDay()}),
 * which anchors "the last N days" of an aggregate and derived values such as age.
 *
 * <pre>{@code
 * SubjectRecord s = new SubjectRecord(registry).asOf(LocalDate.of(2026, 6, 30));
 * s.setNumber("age", 42);
 * Truth t = compiledRule.evaluate(s);
 * }</pre>
 *
 * <p>Implementations say whether they are thread-safe; compiled rules never retain a subject.
 */
public interface Subject {

    /**
     * Tells whether the attribute in a slot has a value.
     *
     * @param slot the slot
     * @return true if present
     */
    boolean isPresent(int slot);

    /**
     * Returns the value of a present NUMBER attribute.
     *
     * @param slot the slot
     * @return the value, finite
     */
    double number(int slot);

    /**
     * Returns the value of a present DATE attribute as days since 1970-01-01.
     *
     * @param slot the slot
     * @return the epoch day
     */
    long epochDay(int slot);

    /**
     * Returns the value of a present BOOLEAN attribute.
     *
     * @param slot the slot
     * @return the value
     */
    boolean bool(int slot);

    /**
     * Returns the value of a present STRING or ENUM attribute.
     *
     * @param slot the slot
     * @return the value, never null when present
     */
    String text(int slot);

    /**
     * Tells whether a present STRING_SET attribute holds an element.
     *
     * @param slot the slot
     * @param element the element, not null
     * @return true if the set holds the element
     */
    boolean hasElement(int slot, String element);

    /**
     * Returns the as-of date of this view as days since 1970-01-01.
     *
     * @return the epoch day of the as-of date
     */
    long asOfEpochDay();

    /**
     * Returns the number of activities (purchases and interactions) of the subject.
     *
     * @return the count, at least 0; 0 by default
     */
    default int activityCount() {
        return 0;
    }

    /**
     * Tells whether an activity is a purchase (otherwise it is an interaction).
     *
     * @param index the activity index, 0 .. activityCount()-1
     * @return true for a purchase
     */
    default boolean activityIsPurchase(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    /**
     * Returns the date of an activity as days since 1970-01-01.
     *
     * @param index the activity index
     * @return the epoch day
     */
    default long activityEpochDay(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    /**
     * Returns the amount of an activity (the value of a purchase; 0 for most interactions).
     *
     * @param index the activity index
     * @return the amount, finite
     */
    default double activityAmount(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    /**
     * Returns the product of an activity.
     *
     * @param index the activity index
     * @return the product code, or null if none
     */
    default String activityProduct(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    /**
     * Returns the product category of an activity.
     *
     * @param index the activity index
     * @return the category, or null if none
     */
    default String activityCategory(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    /**
     * Returns the channel of an activity (e.g. web, store, phone).
     *
     * @param index the activity index
     * @return the channel, or null if none
     */
    default String activityChannel(int index) {
        throw new IndexOutOfBoundsException(index);
    }
}
