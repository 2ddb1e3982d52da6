package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.crmkit.core.csv.CsvFormatException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * File handling of {@code crm churn} and {@code crm loyalty}: outputs go through
 * {@link AtomicOutput} (a temporary file moved into place when complete; {@code -} is
 * standard output). CSV reader errors are
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

    /** Writes {@code out} through the command line's one output mechanism, {@link AtomicOutput}. */
    static void write(CommandSpec spec, Path out, Body body) throws IOException {
        try (AtomicOutput o = AtomicOutput.open(spec, out)) {
            body.write(o.writer());
            o.commit();
        }
    }

    /** The reader's error in the command line's format. */
    static BadInputException located(CsvFormatException e) {
        BadInputException b = new BadInputException(e.source(), e.line(), e.field().orElse(null), e.problem());
        b.initCause(e);
        return b;
    }
}
