package org.crmkit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of every command that writes a file, as a picocli mixin: {@code --out FILE}
 * (required; {@code -} for standard output) and {@code --[no-]spreadsheet-safe}.
 *
 * <pre>{@code
 * @Mixin OutputOptions output;
 * ...
 * output.refuseInputs(summary);                      // first, before any input is opened
 * ... read and check all input ...
 * try (AtomicOutput out = output.open(spec)) {       // only now
 *     ... write ...
 *     out.commit();
 * }
 * }</pre>
 *
 * <p>Text fields (customer ids, segment names, items) are written with
 * {@link org.crmkit.core.csv.CsvField}: spreadsheet-safe unless
 * {@code --no-spreadsheet-safe} is given.
 */
public final class OutputOptions {
    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "output file, replaced only when the command succeeds; - for standard output")
    private Path out;

    @Option(names = "--spreadsheet-safe", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "prefix ' to text fields that begin with = + - @ tab or CR, so that a spreadsheet "
                    + "does not run them as formulas (default; crm's readers undo it)")
    private boolean spreadsheetSafe;

    /**
     * Returns the output path.
     *
     * @return the path given with {@code --out}, {@code -} for standard output, never null
     */
    public Path path() {
        return out;
    }

    /**
     * Returns how status lines name the output.
     *
     * @return the path, or "standard output" for {@code -}, never null
     */
    public String describe() {
        return InputFiles.isStandardStream(out) ? "standard output" : out.toString();
    }

    /**
     * Returns whether text fields are written spreadsheet-safe.
     *
     * @return true unless {@code --no-spreadsheet-safe} was given
     */
    public boolean spreadsheetSafe() {
        return spreadsheetSafe;
    }

    /**
     * Refuses, as bad input, an output that is one of the inputs (the same file by its real
     * path, whatever the spelling, symbolic or hard link), an output that cannot be written
     * ({@link AtomicOutput#requireWritable}), and more than one input read from standard input.
     * Call it first, before any input is opened, so that a command fails before it works.
     *
     * @param inputs the command's input files, null entries ignored
     * @throws BadInputException if the output is one of the inputs
     */
    public void refuseInputs(Path... inputs) {
        refuse(out, inputs);
    }

    /** The check of {@link #refuseInputs} for any output path. */
    static void refuse(Path out, Path... inputs) {
        InputFiles.requireOneStandardInput(inputs);
        if (out == null || InputFiles.isStandardStream(out)) {
            return;
        }
        if (!Files.exists(out)) {
            AtomicOutput.requireWritable(out);
            return;
        }
        for (Path in : inputs) {
            if (in == null || InputFiles.isStandardStream(in) || !Files.exists(in)) {
                continue;
            }
            boolean same;
            try {
                same = Files.isSameFile(out, in);
            } catch (IOException e) {
                same = false; // cannot tell: opening the input reports what is wrong with it
            }
            if (same) {
                throw new BadInputException(out, 0, null, "--out names an input file (" + in
                        + "); refusing to overwrite an input, choose another output");
            }
        }
        AtomicOutput.requireWritable(out);
    }

    /**
     * Opens the output (see {@link AtomicOutput#open}).
     *
     * @param spec the running command, not null
     * @return the open output, never null
     * @throws IOException if the temporary file cannot be created
     */
    public AtomicOutput open(CommandSpec spec) throws IOException {
        return AtomicOutput.open(spec, out);
    }
}
