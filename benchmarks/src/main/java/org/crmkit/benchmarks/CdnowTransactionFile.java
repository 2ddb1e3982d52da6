package org.crmkit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a transaction file in the layout of {@code CDNOW_master.txt} (its header, then
 * {@code " id yyyyMMdd quantity amount"} with CRLF line ends) of at least the asked number of
 * rows, by drawing the master file's customers with replacement (seeded) and writing each
 * drawn customer's transactions under a new id: the shape of the issue-18 whole-process
 * measurement of {@code crm summarize} (about 3 rows per customer, 3.4 M customers at 10 M
 * rows). Ids are zero-padded to seven digits.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.CdnowTransactionFile
 * ../shared/data/CDNOW_master.txt /tmp/cdnow10m.txt 10000000}
 */
public final class CdnowTransactionFile {

    private CdnowTransactionFile() {
    }

    /**
     * Writes the file.
     *
     * @param args the master file, the output file and the number of rows
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: CdnowTransactionFile MASTER OUT ROWS");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.US_ASCII);
        long rows = Long.parseLong(args[2]);
        // the master file is sorted by customer: group the rows (date, quantity, amount) per id
        List<List<String>> customers = new ArrayList<>();
        String current = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 4) {
                continue;
            }
            if (!f[0].equals(current)) {
                customers.add(new ArrayList<>());
                current = f[0];
            }
            customers.get(customers.size() - 1).add(String.format(java.util.Locale.ROOT, " %s %2s %7s\r\n",
                    f[1], f[2], f[3]));
        }
        SplittableRandom random = new SplittableRandom(18);
        long written = 0;
        int id = 0;
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.US_ASCII)) {
            w.write(lines.get(0));
            w.write("\r\n");
            while (written < rows) {
                List<String> c = customers.get(random.nextInt(customers.size()));
                id++;
                String prefix = String.format(java.util.Locale.ROOT, " %07d", id);
                for (String row : c) {
                    w.write(prefix);
                    w.write(row);
                }
                written += c.size();
            }
        }
        System.err.printf("wrote %d rows of %d customers to %s%n", written, id, args[1]);
    }
}
