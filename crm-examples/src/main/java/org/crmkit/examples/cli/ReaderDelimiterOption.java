package org.crmkit.examples.cli;

import org.crmkit.core.csv.CsvReader;
import picocli.CommandLine.Option;

/**
 * The {@code --delimiter} option of the commands that read their CSV with the core reader
 * ({@link CsvReader}), as a picocli mixin: one character, {@code tab} or {@code whitespace},
 * spelt as {@link CsvReader.Options#parse} reads it. {@link CsvInputOptions} adds
 * {@code --no-header} to it. (The summary readers' commands use {@link DelimiterOption}, whose
 * spellings are those of their own reader.)
 */
final class ReaderDelimiterOption {
    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "DELIM",
            description = "field delimiter: one character, 'tab' or 'whitespace' (default ',')")
    private String delimiter;

    /**
     * Returns the reader options of the delimiter, with a header line.
     *
     * @return the options, never null
     * @throws IllegalArgumentException if the delimiter is not one character, tab or whitespace
     */
    CsvReader.Options options() {
        return CsvReader.Options.parse(delimiter);
    }
}
