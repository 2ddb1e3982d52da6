package org.crmkit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.crmkit.core.csv.CsvReader;

/** Opens a CSV input of the command line: a file, or standard input for {@code -}. */
final class CliCsv {
    private CliCsv() {
    }

    static CsvReader open(String file, CsvReader.Options options) throws IOException {
        if (file.equals("-")) {
            return CsvReader.of(System.in, "<stdin>", options);
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(file + ": is a directory, not a file");
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(file);
        }
        return CsvReader.open(path, options);
    }
}
