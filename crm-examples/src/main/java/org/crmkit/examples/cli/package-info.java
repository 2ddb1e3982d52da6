/**
 * The {@code crm} command line: one class per subcommand, registered in
 * {@link org.crmkit.examples.cli.Crm}, each a thin layer over the library.
 *
 * <p>What every command shares, so that a new command gets it by using these classes:
 * <ul>
 *   <li>{@link org.crmkit.examples.cli.OutputOptions} (a picocli mixin: {@code --out},
 *       {@code --[no-]spreadsheet-safe}) and {@link org.crmkit.examples.cli.AtomicOutput}: every
 *       output written atomically, {@code -} for standard output, {@code --out} never an
 *       input;</li>
 *   <li>{@link org.crmkit.examples.cli.InputFiles}: inputs opened with {@code -} for standard
 *       input and one error line for a missing, unreadable or directory file;</li>
 *   <li>{@link org.crmkit.examples.cli.DelimiterOption} (mixin) and the typed option values of
 *       {@code Converters} (dates, time units, delimiters, column selectors);</li>
 *   <li>{@code ErrorReporter}, {@code BadInputException} and {@code SafeText}: exit code 2 and one
 *       stderr line naming file, line and field for bad input, 1 and one line saying what to do
 *       for other failures, personal data masked, a stack trace only with {@code --debug};</li>
 *   <li>{@link org.crmkit.core.csv.CsvField}: the one rule for text fields in CSV outputs.</li>
 * </ul>
 * Data go to standard output or {@code --out}; status lines to standard error.
 */
package org.crmkit.examples.cli;
