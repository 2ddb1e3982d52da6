package org.crmkit.examples.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one way a {@code crm} command writes an output file: into a temporary file beside the
 * target, which replaces the target only when the command has written everything. A command
 * that fails, or is stopped, therefore never leaves a partial file and never destroys the
 * previous result. Every command that writes a file uses this class (with
 * {@link OutputOptions} for the {@code --out} option).
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.open(spec, target)) {
 *     Writer w = out.writer();
 *     w.write("customer_id,score\n");
 *     ...
 *     out.commit();              // the target appears (or is replaced) only here
 * }                              // without commit(): the temporary file is deleted
 * }</pre>
 *
 * <p>How: the temporary file is {@code .NAME.RANDOM.tmp} in the target's directory (so on
 * the same file system); {@link #commit()} flushes it, forces it to the device and moves it
 * onto the target with {@link StandardCopyOption#ATOMIC_MOVE} (a {@code rename(2)} on POSIX
 * systems, which replaces an existing target atomically). Where the file system cannot move
 * atomically ({@link AtomicMoveNotSupportedException}) the fallback is a plain move with
 * {@link StandardCopyOption#REPLACE_EXISTING}, during which the target is briefly absent but
 * never partial. Temporary files of a command stopped by a signal (SIGINT, SIGTERM) are
 * deleted by a shutdown hook; after SIGKILL or a power cut a {@code .NAME.*.tmp} file may
 * remain, but the target is either the old or the new file, complete. The temporary file is
 * created with the default permissions (the user's umask), so the target gets them too.
 *
 * <p>The target {@code -} means standard output: the writer goes to the command's stdout,
 * nothing is buffered in a file, and {@link #commit()} flushes.
 *
 * <p>Before anything is written {@link #open} refuses, as bad input (exit code 2), a target
 * that is a directory, lies in a directory that does not exist or cannot be written, or is a
 * read-only file. That the target is not also an input is checked earlier, before any input
 * is opened ({@link OutputOptions#refuseInputs}).
 *
 * <p>Not thread-safe: one command, one thread.
 */
public final class AtomicOutput implements Closeable {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final Thread CLEANUP = new Thread(AtomicOutput::deletePending, "crm-output-cleanup");

    static {
        try {
            Runtime.getRuntime().addShutdownHook(CLEANUP);
        } catch (IllegalStateException | SecurityException e) {
            // the JVM is already shutting down or forbids hooks: temporary files may then remain
        }
    }

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final Writer writer;
    private final OutputStream stream; // null for standard output
    private boolean committed;
    private boolean closed;

    private AtomicOutput(Path target, Path temp, FileChannel channel, Writer writer, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.writer = writer;
        this.stream = stream;
    }

    /** The whole content of an output, written by {@link #write}. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the content.
         *
         * @param out where to write, not null; closed by {@link #write}
         * @throws IOException if writing fails
         */
        void write(Writer out) throws IOException;
    }

    /**
     * Writes a whole output in one step: {@link #open}s it, lets {@code body} write, and
     * {@link #commit}s only when the body returns, so that a failure leaves the target as it was.
     *
     * <pre>{@code
     * AtomicOutput.write(spec, out, w -> ItemsetCsv.write(w, itemsets));
     * }</pre>
     *
     * @param spec the running command, for its standard output, not null
     * @param target the file to write, or {@code -}, not null
     * @param body what to write, not null
     * @throws BadInputException if the target cannot be written (see {@link #open})
     * @throws IOException if writing or moving the file into place fails
     */
    public static void write(CommandSpec spec, Path target, Body body) throws IOException {
        Objects.requireNonNull(body, "body");
        try (AtomicOutput o = open(spec, target)) {
            body.write(o.writer());
            o.commit();
        }
    }

    /**
     * Opens an output: a temporary file beside {@code target}, or the command's standard
     * output when {@code target} is {@code -}.
     *
     * @param spec the running command, for its standard output, not null
     * @param target the file to write, or {@code -}, not null
     * @return the open output, never null
     * @throws BadInputException if the target is a directory, its directory does not exist or
     *     cannot be written, or the target is read-only
     * @throws IOException if the temporary file cannot be created for another reason
     */
    public static AtomicOutput open(CommandSpec spec, Path target) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(target, "target");
        if (InputFiles.isStandardStream(target)) {
            PrintWriter out = spec.commandLine().getOut();
            return new AtomicOutput(target, null, null, new FilterWriter(out) {
                @Override
                public void close() throws IOException {
                    flush(); // standard output stays open for the command's other output
                }
            }, null);
        }
        requireWritable(target);
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = dir.resolve(tempName(absolute.getFileName().toString()));
        FileChannel channel;
        try {
            channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new BadInputException(target, 0, null, "cannot write: permission denied in " + dir);
        } catch (NoSuchFileException e) {
            throw new BadInputException(target, 0, null, "cannot write: the directory " + dir + " does not exist");
        } catch (FileSystemException e) {
            throw new BadInputException(target, 0, null, "cannot write: " + e.getReason());
        }
        PENDING.add(temp);
        OutputStream stream = Channels.newOutputStream(channel);
        Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        return new AtomicOutput(target, temp, channel, w, stream);
    }

    /**
     * Checks, without creating anything, that a target can be written: not a directory, in a
     * directory that exists, not read-only. {@code -} always can.
     *
     * @param target the file to write, or {@code -}, not null
     * @throws BadInputException if it cannot be written
     */
    public static void requireWritable(Path target) {
        Objects.requireNonNull(target, "target");
        if (InputFiles.isStandardStream(target)) {
            return;
        }
        if (Files.isDirectory(target)) {
            throw new BadInputException(target, 0, null, "is a directory; --out must name a file");
        }
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException(target, 0, null, "cannot write: " + dir
                    + (dir != null && Files.exists(dir) ? " is not a directory" : " does not exist"));
        }
        if (!Files.isWritable(dir)) {
            throw new BadInputException(target, 0, null, "cannot write: permission denied in " + dir);
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new BadInputException(target, 0, null, "cannot write: the file is read-only");
        }
    }

    private static String tempName(String name) {
        String base = name.length() > 180 ? name.substring(0, 180) : name;
        return "." + base + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp";
    }

    /**
     * Returns the writer of the output: UTF-8, buffered. Closing it is not needed (and does not
     * commit).
     *
     * @return the writer, never null
     */
    public Writer writer() {
        return writer;
    }

    /**
     * Returns the byte stream of a file output, for binary content such as a PNG image: the
     * bytes go into the temporary file like the writer's. Use either this or
     * {@link #writer()}, not both; closing it is not needed.
     *
     * @return the stream, never null
     * @throws IllegalStateException for standard output, which takes text only
     */
    public OutputStream stream() {
        if (stream == null) {
            throw new IllegalStateException("standard output takes text only");
        }
        return stream;
    }

    /**
     * Returns the target as given.
     *
     * @return the target path, {@code -} for standard output, never null
     */
    public Path target() {
        return target;
    }

    /**
     * Finishes the output: flushes and forces the temporary file, then moves it onto the target
     * atomically (see the class documentation). Call it once, after the last write.
     *
     * @throws IOException if the data cannot be written or the move fails; the target is then
     *     unchanged and the temporary file deleted
     * @throws IllegalStateException if called twice or after {@link #close()}
     */
    public void commit() throws IOException {
        if (committed || closed) {
            throw new IllegalStateException("the output " + target + " is already finished");
        }
        writer.flush();
        if (temp == null) {
            committed = true;
            return;
        }
        channel.force(true);
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        PENDING.remove(temp);
    }

    /**
     * Ends the output; without a successful {@link #commit()} the temporary file is deleted and
     * the target left as it was.
     *
     * @throws IOException if the temporary file cannot be deleted
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (temp == null) {
            writer.flush();
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            // the data are discarded anyway when not committed
            if (committed) {
                throw e;
            }
        } finally {
            if (!committed) {
                Files.deleteIfExists(temp);
                PENDING.remove(temp);
            }
        }
    }

    private static void deletePending() {
        for (Path p : PENDING) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // shutting down: nothing else to do about it
            }
        }
    }
}
