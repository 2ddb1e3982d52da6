package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.summary.CsvInputException;

/** Shared error handling and model loading of {@code crm fit}, {@code predict}, {@code evaluate}. */
final class BtydCommands {

    private BtydCommands() {
    }

    /** A bad input that ends the command with exit code 2 and one line. */
    static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    /** The body of a command that may fail on bad input. */
    interface Body {
        int run() throws IOException;
    }

    static int guard(String command, PrintWriter err, boolean debug, Body body) {
        try {
            return body.run();
        } catch (CsvInputException | BadInput e) {
            return fail(command, err, debug, e.getMessage(), e);
        } catch (NoSuchFileException e) {
            return fail(command, err, debug, e.getFile() + ": no such file", e);
        } catch (IOException e) {
            return fail(command, err, debug, "I/O error: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return fail(command, err, debug, e.getMessage(), e);
        }
    }

    private static int fail(String command, PrintWriter err, boolean debug, String message,
            Exception e) {
        err.println("crm " + command + ": " + message.replace('\n', ' '));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return 2;
    }

    /** Reads a model file, naming the file in any error. */
    static FittedModel readModel(Path file) throws IOException {
        String json = Files.readString(file);
        try {
            return BtydModelJson.read(json).toModel();
        } catch (IllegalArgumentException e) {
            throw new BadInput(file + ": " + e.getMessage());
        }
    }
}
