package org.crmkit.scoring.btyd;

import java.util.Objects;

/**
 * Thrown by {@link BtydModelJson#read(java.nio.file.Path)} when a model file is not a valid
 * model document. Names the file and the JSON path of the offending value, so that a
 * command line can print one line such as
 * {@code bgnbd.json: $.parameters.alpha: parameter 'alpha' is not a number: "4.4"}.
 *
 * <pre>{@code
 * try {
 *     BtydModelJson.read(Path.of("bgnbd.json"));
 * } catch (ModelFileException e) {
 *     System.err.println(e.file() + ", field '" + e.path() + "': " + e.problem());
 * }
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class ModelFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;
    private final String problem;

    /**
     * Creates the exception; the message is {@code FILE: PATH: PROBLEM}.
     *
     * @param file the file, not null
     * @param path the JSON path such as {@code $.parameters.r}, not null
     * @param problem what is wrong, not null
     */
    public ModelFileException(String file, String path, String problem) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(path, "path") + ": "
                + Objects.requireNonNull(problem, "problem"));
        this.file = file;
        this.path = path;
        this.problem = problem;
    }

    /**
     * Returns the file.
     *
     * @return the file name, never null
     */
    public String file() {
        return file;
    }

    /**
     * Returns the JSON path of the offending value ({@code $} for the document itself).
     *
     * @return the path, never null
     */
    public String path() {
        return path;
    }

    /**
     * Returns what is wrong, without file and path.
     *
     * @return the problem, never null
     */
    public String problem() {
        return problem;
    }
}
