package org.crmkit.examples.cli;

import org.crmkit.core.csv.CsvField;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.concurrent.Callable;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.core.csv.CsvRecord;
import org.crmkit.scoring.loyalty.BrandLoyalty;
import org.crmkit.scoring.loyalty.BrandPatternClassifier;
import org.crmkit.scoring.loyalty.BrandPatterns;
import org.crmkit.scoring.loyalty.BrandSequences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm loyalty}: behavioural brand loyalty per customer from a transaction file,
 * written as {@code customer_id,loyalty_level,pattern,leading_share,purchases,reasons}
 * with the patterns and thresholds of {@link BrandPatternClassifier#defaults()}. The brand
 * column may hold brands, products or categories: whatever is to be compared.
 *
 * <pre>{@code
 * crm loyalty --transactions orders.csv --customer-col customer --date-col date --brand-col brand \
 *     --date-format yyyy-MM-dd --out loyalty.csv
 * }</pre>
 *
 * <p>Columns are header names, or 1-based positions with {@code --no-header}. A blank
 * customer or brand, or a date not in the format, exits with code 2 and one line naming
 * file, line and field.
 */
@Command(name = "loyalty", mixinStandardHelpOptions = true, description = "Behavioural brand loyalty per customer.")
public final class LoyaltyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--transactions", required = true, paramLabel = "FILE", description = "transactions")
    private Path transactions;

    @Mixin
    private CsvInputOptions csv;

    @Option(names = "--customer-col", required = true, paramLabel = "C", description = "customer column")
    private String customerColumn;

    @Option(names = "--date-col", required = true, paramLabel = "D", description = "date column")
    private String dateColumn;

    @Option(names = "--brand-col", required = true, paramLabel = "B", description = "brand (product, category) column")
    private String brandColumn;

    @Option(names = "--date-format", defaultValue = "yyyy-MM-dd", paramLabel = "F",
            description = "date pattern (default yyyy-MM-dd)")
    private String dateFormat;

    @Option(names = "--out", required = true, paramLabel = "LOYALTY.csv", description = "output CSV, - for stdout")
    private Path out;

    @Override
    public Integer call() throws IOException {
        DateTimeFormatter format;
        try {
            format = DateTimeFormatter.ofPattern(dateFormat.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--date-format: not a date pattern: " + dateFormat, e);
        }
        CsvReader.Options options = csv.options();
        BrandSequences.Builder b = BrandSequences.builder();
        try (CsvReader in = CsvReader.open(transactions, options)) {
            int c = in.select(customerColumn);
            int d = in.select(dateColumn);
            int br = in.select(brandColumn);
            for (CsvRecord row : in) {
                String customer = row.getRequired(c).strip();
                String brand = row.getRequired(br).strip();
                LocalDate date;
                try {
                    date = LocalDate.parse(row.get(d).strip(), format);
                } catch (DateTimeParseException e) {
                    throw row.error(d, "not a date in the format " + dateFormat);
                }
                b.add(customer, date.toEpochDay(), brand);
            }
        } catch (CsvFormatException e) {
            throw BadInputException.of(e);
        }
        BrandSequences sequences = b.build();
        BrandPatterns patterns = BrandPatternClassifier.defaults().classify(sequences);
        AtomicOutput.write(spec, out, w -> {
            w.write("customer_id,loyalty_level,pattern,leading_share,purchases,reasons\n");
            StringBuilder sb = new StringBuilder(160);
            for (int i = 0; i < patterns.size(); i++) {
                BrandLoyalty l = patterns.loyalty(i);
                sb.setLength(0);
                CsvField.append(sb, l.customerId());
                sb.append(',').append(l.level().label()).append(',').append(l.pattern().label()).append(',')
                        .append(l.leadingShare()).append(',').append(l.purchases()).append(',');
                CsvField.append(sb, String.join("; ", l.reasons()));
                w.write(sb.append('\n').toString());
            }
        });
        if (!out.toString().equals("-")) {
            spec.commandLine().getErr().printf("wrote loyalty of %d customers (%s) to %s%n", patterns.size(),
                    patterns.countByLevel(), out);
        }
        return 0;
    }
}
