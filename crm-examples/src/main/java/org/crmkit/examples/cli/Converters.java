package org.crmkit.examples.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.crmkit.scoring.summary.ColumnSelector;
import org.crmkit.scoring.summary.CsvDelimiter;
import org.crmkit.scoring.summary.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Typed option values for every {@code crm} command: an option declared as
 * {@link LocalDate}, {@link TimeUnit}, {@link CsvDelimiter} or {@link ColumnSelector} is parsed
 * once, here, and a bad value is a usage error (exit code 2) naming the option. Enums such as
 * {@link org.crmkit.scoring.summary.NonPositiveDayPolicy} are matched ignoring case.
 *
 * <p>Dates are ISO {@code yyyy-MM-dd}, strictly (no {@code 2026-02-30}), years 1000 to 9998
 * (a later year is a typo, not a calibration end).
 *
 * <p>Stateless and thread-safe.
 */
final class Converters {
    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Converters() {
    }

    /**
     * Registers the converters with a command line and its subcommands.
     *
     * @param cli the command line, not null
     */
    static void register(CommandLine cli) {
        cli.registerConverter(LocalDate.class, Converters::date);
        cli.registerConverter(TimeUnit.class, wrap(TimeUnit::parse, "days, weeks or months"));
        cli.registerConverter(CsvDelimiter.class, wrap(CsvDelimiter::parse, "',', ';', tab or whitespace"));
        cli.registerConverter(ColumnSelector.class,
                wrap(ColumnSelector::parse, "a header name or a 1-based position"));
    }

    /**
     * Parses a date option.
     *
     * @param text the option value, not null
     * @return the date, never null
     * @throws TypeConversionException if it is not a plausible ISO date
     */
    static LocalDate date(String text) {
        LocalDate d;
        try {
            d = LocalDate.parse(text.strip(), ISO_STRICT);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not a date yyyy-MM-dd");
        }
        if (d.getYear() < 1000 || d.getYear() > 9998) {
            throw new TypeConversionException("'" + text + "' is out of range (years 1000 to 9998)");
        }
        return d;
    }

    private static <T> ITypeConverter<T> wrap(ITypeConverter<T> parse, String expected) {
        return text -> {
            try {
                return parse.convert(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + text + "' is not valid: expected " + expected);
            }
        };
    }
}
