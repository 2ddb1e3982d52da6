package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.crmkit.scoring.ProgressEvent;
import org.crmkit.scoring.ProgressListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --quiet} option of commands that may run long (summarize, fit, predict and
 * evaluate with intervals), as a picocli mixin, and the progress display it controls.
 *
 * <p>Work that runs longer than {@value #THRESHOLD_SECONDS} s shows its progress on stderr:
 * on a terminal ({@code System.console() != null}) a bar (or a counter when the total is
 * unknown) redrawn in place at most ten times a second, otherwise (stderr redirected to a file
 * or pipe) one line every {@value #LINE_SECONDS} s, such as
 * {@code crm fit: fit bg-nbd: likelihood evaluations 1520 (12.0 s)}. {@code --quiet} shows
 * nothing; results and warnings are unaffected.
 *
 * <pre>{@code
 * @Mixin ProgressOptions progress;
 * ...
 * ProgressListener listener = progress.listener(spec);
 * ... work with the listener ...
 * progress.finish();
 * }</pre>
 */
public final class ProgressOptions {
    /** How long work runs before its progress shows. */
    static final long THRESHOLD_SECONDS = 2;
    /** Seconds between progress lines when stderr is not a terminal. */
    static final long LINE_SECONDS = 5;
    /** The threshold in nanoseconds; tests set it to 0 to see progress of quick work. */
    static volatile long thresholdNanos = Duration.ofSeconds(THRESHOLD_SECONDS).toNanos();
    /** Whether the display is a terminal bar; null: {@code System.console() != null}. Tests set it. */
    static volatile Boolean terminal;

    @Option(names = {"-q", "--quiet"}, description = "show no progress on stderr, even for long work")
    private boolean quiet;

    private Display display;

    /**
     * Returns whether {@code --quiet} was given.
     *
     * @return true when progress is suppressed
     */
    public boolean quiet() {
        return quiet;
    }

    /**
     * Returns the listener that shows progress on the command's stderr, or
     * {@link ProgressListener#none()} under {@code --quiet}.
     *
     * @param spec the running command, not null
     * @return the listener, never null
     */
    public ProgressListener listener(CommandSpec spec) {
        if (quiet) {
            return ProgressListener.none();
        }
        if (display == null) {
            Boolean t = terminal;
            display = new Display(spec.commandLine().getErr(), "crm " + spec.name(),
                    t != null ? t : System.console() != null);
        }
        return display;
    }

    /** Ends the display: a bar drawn on a terminal gets its line ended. */
    public void finish() {
        if (display != null) {
            display.finish();
        }
    }

    /** Turns events into a bar or lines; thread-safe. */
    private static final class Display implements ProgressListener {
        private final PrintWriter err;
        private final String command;
        private final boolean terminal;
        private long lastShown = Long.MIN_VALUE;
        private boolean barOpen;

        Display(PrintWriter err, String command, boolean terminal) {
            this.err = err;
            this.command = command;
            this.terminal = terminal;
        }

        @Override
        public synchronized void onProgress(ProgressEvent e) {
            long elapsed = e.elapsed().toNanos();
            if (elapsed < thresholdNanos) {
                return;
            }
            long gap = terminal ? 100_000_000L : Duration.ofSeconds(LINE_SECONDS).toNanos();
            boolean last = e.total().isPresent() && e.done() == e.total().getAsLong();
            if (lastShown != Long.MIN_VALUE && elapsed - lastShown < gap && !last) {
                return;
            }
            lastShown = elapsed;
            String seconds = String.format(Locale.ROOT, "%.1f s", elapsed / 1e9);
            String count = e.total().isPresent() ? e.done() + "/" + e.total().getAsLong() : Long.toString(e.done());
            if (terminal) {
                StringBuilder line = new StringBuilder("\r").append(command).append(": ").append(e.phase()).append(' ');
                if (e.fraction().isPresent()) {
                    int width = 30;
                    int filled = (int) Math.round(e.fraction().getAsDouble() * width);
                    line.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ");
                }
                line.append(count).append(" (").append(seconds).append(")   ");
                err.print(line);
                barOpen = true;
            } else {
                err.println(command + ": " + e.phase() + " " + count + " (" + seconds + ")");
            }
            err.flush();
        }

        synchronized void finish() {
            if (barOpen) {
                err.println();
                err.flush();
                barOpen = false;
            }
        }
    }

    /**
     * Parses a duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or ISO-8601
     * {@code PT30S}.
     *
     * @param option the option name, for the message
     * @param text the text, not null
     * @return the duration, positive, never null
     * @throws IllegalArgumentException if the text is not a positive duration
     */
    static Duration parseDuration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d = null;
        try {
            if (t.startsWith("pt")) {
                d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (!t.isEmpty()) {
                long v = Long.parseLong(t.substring(0, t.length() - 1));
                d = switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(v);
                    case 'm' -> Duration.ofMinutes(v);
                    case 'h' -> Duration.ofHours(v);
                    default -> null;
                };
            }
        } catch (NumberFormatException | java.time.format.DateTimeParseException | ArithmeticException e) {
            d = null;
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + ": not a positive duration such as 30s, 5m, 2h or 500ms: '"
                    + text + "'");
        }
        return d;
    }
}
