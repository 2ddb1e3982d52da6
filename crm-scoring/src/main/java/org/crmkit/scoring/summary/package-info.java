/**
 * Per-customer purchase summaries (frequency, recency, T, monetary value, holdout) built
 * from transaction logs, and their CSV input and output.
 *
 * <p>Entry points: {@link org.crmkit.scoring.summary.TransactionLog} (columnar
 * transactions, also from crm-core purchases), {@link org.crmkit.scoring.summary.TransactionCsv} (reads transaction
 * files), {@link org.crmkit.scoring.summary.Summarizer} (builds summaries),
 * {@link org.crmkit.scoring.summary.CustomerSummaries} (the columnar result) and
 * {@link org.crmkit.scoring.summary.SummaryCsv} (summary files).
 *
 * <pre>{@code
 * TransactionLog log = TransactionCsv.builder()
 *         .customerColumn(ColumnSelector.byName("customer"))
 *         .dateColumn(ColumnSelector.byName("date"))
 *         .amountColumn(ColumnSelector.byName("amount"))
 *         .build().read(Path.of("transactions.csv"));
 * CustomerSummaries s = Summarizer.builder().timeUnit(TimeUnit.WEEKS).build().summarize(log);
 * SummaryCsv.write(Path.of("summary.csv"), s);
 * }</pre>
 */
package org.crmkit.scoring.summary;
