/**
 * Strict reading of delimited text (CSV) files, the one reader behind every CSV input
 * that crmkit's readers and the {@code crm} command line take apart from the columnar
 * fast paths of crm-scoring's summary package.
 *
 * <p>Entry points: {@link org.crmkit.core.csv.CsvReader} opens a file or stream and
 * hands out {@link org.crmkit.core.csv.CsvRecord}s; every problem is a
 * {@link org.crmkit.core.csv.CsvFormatException} naming the source, the 1-based line and
 * the field, never the offending value (it may be personal data).
 */
package org.crmkit.core.csv;
