package org.crmkit.examples.cli;

import org.crmkit.scoring.summary.CsvDelimiter;
import picocli.CommandLine.Option;

/**
 * The {@code --delimiter} option of every command that reads delimited text, as a picocli
 * mixin: {@code ','} (default), {@code ';'}, {@code tab} or {@code whitespace}, converted to a
 * {@link CsvDelimiter} by {@link Converters}.
 */
public final class DelimiterOption {
    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "DELIM",
            description = "',' (default), ';', tab or whitespace")
    private CsvDelimiter delimiter;

    /**
     * Returns the delimiter.
     *
     * @return the delimiter, never null
     */
    public CsvDelimiter delimiter() {
        return delimiter;
    }
}
