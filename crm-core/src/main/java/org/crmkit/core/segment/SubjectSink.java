package org.crmkit.core.segment;

import java.io.IOException;

/**
 * Receives the subjects a subject reader ({@link SubjectJson}, {@link SubjectCsv}) reads, one
 * at a time. The subject is reused for the next customer: read it during the call, do not keep
 * it.
 *
 * <pre>{@code
 * SubjectJson.of(registry, ZoneOffset.UTC).read(in, "customers.json", asOf,
 *         (id, subject) -> out.write(id + "," + segmentation.assignName(subject) + "\n"));
 * }</pre>
 */
@FunctionalInterface
public interface SubjectSink {
    /**
     * Receives one customer.
     *
     * @param customerId the customer id, never null or empty
     * @param subject the customer's attribute values, valid only during the call, never null
     * @throws IOException if the receiver cannot store the result
     */
    void accept(String customerId, Subject subject) throws IOException;
}
