package org.crmkit.core.segment;

import java.util.Objects;
import java.util.function.Function;

/**
 * One row of the standard attribute table: the attribute (name, type, allowed values,
 * description), where its value comes from, and for the attributes a {@link CustomerSubject}
 * fills, how it reads them off a customer. The table in {@link StandardAttributes} is the one
 * definition that its registry, its Javadoc and {@link CustomerSubject#load} all follow.
 *
 * @param attribute the attribute, not null
 * @param source where the value comes from, not null
 * @param extractor for {@link Source#PROFILE} and {@link Source#HISTORY} the value read off the
 *     customer as a {@code Double}, {@code String}, {@code Boolean} or {@code LocalDate}, or
 *     null when absent; null for {@link Source#CALLER}
 */
record StandardAttribute(Attribute attribute, Source source, Function<CustomerFacts, Object> extractor) {

    /** Where a standard attribute's value comes from. */
    enum Source {
        /** The customer record. */
        PROFILE("customer record"),
        /** The customer's activities (or its financial profile) as of the as-of date. */
        HISTORY("history as of the date"),
        /** The caller: scores and facts the customer record does not hold. */
        CALLER("set by the caller");

        private final String text;

        Source(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    StandardAttribute {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(source, "source");
        if ((extractor == null) != (source == Source.CALLER)) {
            throw new IllegalArgumentException("attribute '" + attribute.name()
                    + "': exactly the caller's attributes have no extractor");
        }
    }

    String name() {
        return attribute.name();
    }
}
