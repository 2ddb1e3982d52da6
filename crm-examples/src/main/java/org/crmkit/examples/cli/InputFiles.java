package org.crmkit.examples.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How {@code crm} commands open their input files: {@code -} is standard input, and a file
 * that is missing, a directory or unreadable is bad input (exit code 2) named in the one
 * error line. Errors name standard input as {@value #STDIN_NAME}.
 *
 * <pre>{@code
 * try (InputStream in = InputFiles.open(spec, summary)) {
 *     CustomerSummaries s = SummaryCsv.read(in, InputFiles.displayName(summary));
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class InputFiles {
    /** How errors name standard input. */
    public static final String STDIN_NAME = "<stdin>";

    private InputFiles() {
    }

    /**
     * Returns whether a path given for a file means standard input or output.
     *
     * @param path the path, not null
     * @return true for {@code -}
     */
    public static boolean isStandardStream(Path path) {
        return path.getNameCount() == 1 && !path.isAbsolute() && path.toString().equals("-");
    }

    /**
     * Returns the name errors give a file.
     *
     * @param path the path, not null
     * @return the path as given, or {@value #STDIN_NAME} for {@code -}, never null
     */
    public static String displayName(Path path) {
        return isStandardStream(Objects.requireNonNull(path, "path")) ? STDIN_NAME : path.toString();
    }

    /**
     * Opens an input: standard input for {@code -} (closing the stream leaves standard input
     * open), otherwise the file.
     *
     * @param spec the running command, not null
     * @param path the file, or {@code -}, not null
     * @return the stream, never null
     * @throws BadInputException if the file does not exist, is a directory or cannot be read
     * @throws IOException if it cannot be opened for another reason
     */
    public static InputStream open(CommandSpec spec, Path path) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(path, "path");
        if (isStandardStream(path)) {
            return new FilterInputStream(Crm.standardInput(spec)) {
                @Override
                public void close() {
                    // standard input belongs to the process
                }
            };
        }
        if (Files.isDirectory(path)) {
            throw new BadInputException(path, 0, null, "is a directory, expected a file");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path, 0, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new BadInputException(path, 0, null, "cannot read: permission denied");
        } catch (FileSystemException e) {
            throw new BadInputException(path, 0, null, "cannot read: " + e.getReason());
        }
    }

    /**
     * Reads a whole input as bytes.
     *
     * @param spec the running command, not null
     * @param path the file, or {@code -}, not null
     * @return the content, never null
     * @throws BadInputException if the file does not exist, is a directory or cannot be read
     * @throws IOException if reading fails
     */
    public static byte[] readAllBytes(CommandSpec spec, Path path) throws IOException {
        try (InputStream in = open(spec, path)) {
            return in.readAllBytes();
        }
    }

    /**
     * Finds the line of the first byte sequence of a file that is not UTF-8, for an error
     * message; only called on the error path.
     *
     * @param path the file, not null
     * @return the 1-based line, or 0 if the file is valid UTF-8 or cannot be read
     */
    static long lineOfInvalidUtf8(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return 0;
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        while (true) {
            java.nio.charset.CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                long line = 1;
                for (int i = 0; i < in.position(); i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                return line;
            }
            if (r.isUnderflow()) {
                return 0;
            }
            out.clear();
        }
    }

    /**
     * Refuses more than one input read from standard input.
     *
     * @param inputs the inputs, null entries ignored
     * @throws BadInputException if two of them are {@code -}
     */
    static void requireOneStandardInput(Path... inputs) {
        int n = 0;
        for (Path p : inputs) {
            if (p != null && isStandardStream(p) && ++n > 1) {
                throw new BadInputException(STDIN_NAME, 0, null, "only one input can be read from standard input (-)");
            }
        }
    }
}
