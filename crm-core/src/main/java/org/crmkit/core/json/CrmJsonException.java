package org.crmkit.core.json;

import java.util.Objects;

/**
 * Thrown by {@link CrmJson#read} when a document is not valid JSON or not a valid model
 * value. The message starts with the JSON path of the offending value, for example
 * {@code $.contacts.emails[0].address: email is malformed: 'a***@x'}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CrmJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * Creates the exception.
     *
     * @param path the JSON path such as {@code $.profile.name}, not null
     * @param problem what is wrong, not null
     * @param cause the underlying exception, may be null
     */
    public CrmJsonException(String path, String problem, Throwable cause) {
        super(Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.path = path;
    }

    /**
     * Returns the JSON path of the offending value ({@code $} for the document itself).
     *
     * @return the path, never null
     */
    public String path() {
        return path;
    }
}
