package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.scoring.basket.BasketCsv;
import org.crmkit.scoring.basket.BasketFile;
import org.crmkit.scoring.basket.Baskets;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The basket input options shared by {@code crm itemsets} and {@code crm rules}, as a picocli
 * mixin: a basket file ({@code --baskets FILE}, one basket per line) or a transactions CSV
 * ({@code --transactions FILE} with {@code --item-col} and {@code --basket-col} or
 * {@code --customer-col} and {@code --date-col}; {@code --category-col} rolls items up).
 */
final class BasketInputOptions {
    @Option(names = "--baskets", paramLabel = "FILE",
            description = "basket file: one basket per line, items separated by the delimiter")
    Path baskets;

    @Option(names = "--transactions", paramLabel = "FILE",
            description = "transactions CSV: one item per line")
    Path transactions;

    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "DELIM",
            description = "',' (default), ';', tab or whitespace")
    String delimiter;

    @Option(names = "--no-header", description = "the transactions CSV has no header line")
    boolean noHeader;

    @Option(names = "--basket-col", paramLabel = "B", description = "order (basket) id column")
    String basketCol;

    @Option(names = "--customer-col", paramLabel = "C",
            description = "customer id column (a basket is a customer's day)")
    String customerCol;

    @Option(names = "--date-col", paramLabel = "D", description = "date column")
    String dateCol;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "date pattern such as yyyyMMdd (default: the text up to a T or space is the day)")
    String dateFormat;

    @Option(names = "--item-col", paramLabel = "I", description = "item (product) column")
    String itemCol;

    @Option(names = "--category-col", paramLabel = "G",
            description = "roll items up to this category column")
    String categoryCol;

    CsvReader.Options csvOptions() {
        CsvReader.Options o = CsvReader.Options.parse(delimiter);
        return noHeader ? o.withoutHeader() : o;
    }

    /** Reads the baskets from whichever input was given, checking the option combination. */
    Baskets read(CommandSpec spec) throws IOException {
        if ((baskets == null) == (transactions == null)) {
            throw new ParameterException(spec.commandLine(), "give --baskets FILE or --transactions FILE");
        }
        if (baskets != null) {
            if (itemCol != null || basketCol != null || customerCol != null || dateCol != null
                    || categoryCol != null) {
                throw new ParameterException(spec.commandLine(),
                        "--item-col, --basket-col, --customer-col, --date-col and --category-col "
                                + "go with --transactions");
            }
            return BasketFile.read(baskets, csvOptions());
        }
        if (itemCol == null) {
            throw new ParameterException(spec.commandLine(), "--transactions needs --item-col");
        }
        if ((basketCol == null) == (customerCol == null || dateCol == null)) {
            throw new ParameterException(spec.commandLine(),
                    "--transactions needs --basket-col, or --customer-col and --date-col");
        }
        BasketCsv.Builder b = BasketCsv.builder().options(csvOptions()).itemColumn(itemCol);
        if (basketCol != null) {
            b.basketColumn(basketCol);
        } else {
            b.customerColumn(customerCol).dateColumn(dateCol);
        }
        if (categoryCol != null) {
            b.categoryColumn(categoryCol);
        }
        if (dateFormat != null) {
            b.dateFormat(dateFormat);
        }
        return b.build().read(transactions);
    }

    /** Something that writes the whole output. */
    @FunctionalInterface
    interface Body {
        void write(Writer w) throws IOException;
    }

    /**
     * Writes an output atomically through {@link AtomicOutput}, the command line's one output
     * mechanism: into a temporary file beside the target, moved onto it only when everything is
     * written; {@code -} is standard output.
     */
    static void writeAtomically(CommandSpec spec, Path out, Body body) throws IOException {
        try (AtomicOutput o = AtomicOutput.open(spec, out)) {
            body.write(o.writer());
            o.commit();
        }
    }
}
