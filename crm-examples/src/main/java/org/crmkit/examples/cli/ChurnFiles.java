package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.crmkit.core.csv.CsvFormatException;

/**
 * File handling of {@code crm churn} and {@code crm loyalty}: outputs are written to a
 * temporary file beside the target and moved into place when complete (so a failed run
 * leaves no half-written file); {@code -} is standard output. CSV reader errors are
 * re-expressed as {@link BadInputException} so that they print as
 * {@code FILE: line N, field 'F': REASON}.
 */
final class ChurnFiles {

    private ChurnFiles() {
    }

    /** The body of an output file. */
    @FunctionalInterface
    interface Body {
        void write(Writer out) throws IOException;
    }

    /** Writes {@code out} atomically, or to standard output for {@code -}. */
    static void write(Path out, PrintWriter stdout, Body body) throws IOException {
        if (out.toString().equals("-")) {
            body.write(stdout);
            stdout.flush();
            return;
        }
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                    Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8),
                            1 << 16)) {
                body.write(w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The reader's error in the command line's format. */
    static BadInputException located(CsvFormatException e) {
        BadInputException b = new BadInputException(e.source(), e.line(), e.field().orElse(null), e.problem());
        b.initCause(e);
        return b;
    }
}
