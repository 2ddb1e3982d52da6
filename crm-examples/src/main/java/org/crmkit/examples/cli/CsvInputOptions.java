package org.crmkit.examples.cli;

import org.crmkit.core.csv.CsvReader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --delimiter} and {@code --no-header} options of the commands that read a
 * transactions CSV with the core reader ({@link CsvReader}: {@code crm itemsets}, {@code crm rules},
 * {@code crm recommend}, {@code crm loyalty}), as a picocli mixin; the delimiter is
 * {@link ReaderDelimiterOption}.
 */
final class CsvInputOptions {
    @Mixin
    private ReaderDelimiterOption delimiter;

    @Option(names = "--no-header", description = "the transactions CSV has no header line")
    private boolean noHeader;

    /**
     * Returns the reader options the two options give.
     *
     * @return the options, never null
     * @throws IllegalArgumentException if the delimiter is not one character, tab or whitespace
     */
    CsvReader.Options options() {
        CsvReader.Options o = delimiter.options();
        return noHeader ? o.withoutHeader() : o;
    }
}
