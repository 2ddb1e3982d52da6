package org.crmkit.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.crmkit.scoring.basket.BasketCsv;
import org.crmkit.scoring.basket.BasketFile;
import org.crmkit.scoring.basket.Baskets;
import picocli.CommandLine.Mixin;
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

    @Mixin
    CsvInputOptions csv;

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
            return BasketFile.read(baskets, csv.options());
        }
        if (itemCol == null) {
            throw new ParameterException(spec.commandLine(), "--transactions needs --item-col");
        }
        if ((basketCol == null) == (customerCol == null || dateCol == null)) {
            throw new ParameterException(spec.commandLine(),
                    "--transactions needs --basket-col, or --customer-col and --date-col");
        }
        BasketCsv.Builder b = BasketCsv.builder().options(csv.options()).itemColumn(itemCol);
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
}
