package org.crmkit.core.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over a JDBC URL through {@link DriverManager}: either a new connection
 * for every request ({@link #of}), or with up to {@code maxIdle} closed connections kept open
 * for reuse ({@link #pooled}). Enough for command-line tools, tests, benchmarks and embedded
 * H2; a server application should pass its own pool (HikariCP or the container's) instead.
 *
 * <p>A pooled connection handed out is a proxy whose {@code close()} rolls back what was not
 * committed, restores auto-commit and keeps the connection for the next request (or closes it
 * when {@code maxIdle} are already kept). There is no upper bound on connections in use and no
 * validation of idle ones.
 *
 * <pre>{@code
 * DataSource ds = UrlDataSource.of("jdbc:h2:./crm;LOCK_TIMEOUT=10000");
 * JdbcCustomerStore store = JdbcCustomerStore.builder(ds).build();
 * }</pre>
 *
 * <p>The driver must be on the class or module path. {@link #toString()} shows the URL without
 * user or password. Immutable and thread-safe.
 */
public final class UrlDataSource implements DataSource {
    private final String url;
    private final Properties properties;
    private final ArrayBlockingQueue<Connection> idle;

    private UrlDataSource(String url, Properties properties, int maxIdle) {
        this.url = url;
        this.properties = properties;
        this.idle = maxIdle > 0 ? new ArrayBlockingQueue<>(maxIdle) : null;
    }

    /**
     * Returns a data source that keeps up to {@code maxIdle} connections open for reuse, for a
     * URL that carries its credentials, if any.
     *
     * @param url the JDBC URL, not null, starting with {@code jdbc:}
     * @param maxIdle how many closed connections to keep open, 1 to 1,000
     * @return the data source, never null
     * @throws IllegalArgumentException if the URL does not start with {@code jdbc:} or maxIdle is out of range
     */
    public static UrlDataSource pooled(String url, int maxIdle) {
        if (maxIdle < 1 || maxIdle > 1_000) {
            throw new IllegalArgumentException("maxIdle must be 1 to 1000: " + maxIdle);
        }
        return new UrlDataSource(check(url), new Properties(), maxIdle);
    }

    /**
     * Returns a data source that keeps up to {@code maxIdle} connections open for reuse.
     *
     * @param url the JDBC URL, not null, starting with {@code jdbc:}
     * @param user the user, not null
     * @param password the password, not null
     * @param maxIdle how many closed connections to keep open, 1 to 1,000
     * @return the data source, never null
     * @throws IllegalArgumentException if the URL does not start with {@code jdbc:} or maxIdle is out of range
     */
    public static UrlDataSource pooled(String url, String user, String password, int maxIdle) {
        if (maxIdle < 1 || maxIdle > 1_000) {
            throw new IllegalArgumentException("maxIdle must be 1 to 1000: " + maxIdle);
        }
        Properties p = new Properties();
        p.setProperty("user", Objects.requireNonNull(user, "user"));
        p.setProperty("password", Objects.requireNonNull(password, "password"));
        return new UrlDataSource(check(url), p, maxIdle);
    }

    /**
     * Returns a data source for a URL that carries its credentials, if any.
     *
     * @param url the JDBC URL, not null, starting with {@code jdbc:}
     * @return the data source, never null
     * @throws IllegalArgumentException if the URL does not start with {@code jdbc:}
     */
    public static UrlDataSource of(String url) {
        return new UrlDataSource(check(url), new Properties(), 0);
    }

    /**
     * Returns a data source with a user and password.
     *
     * @param url the JDBC URL, not null, starting with {@code jdbc:}
     * @param user the user, not null
     * @param password the password, not null
     * @return the data source, never null
     * @throws IllegalArgumentException if the URL does not start with {@code jdbc:}
     */
    public static UrlDataSource of(String url, String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", Objects.requireNonNull(user, "user"));
        p.setProperty("password", Objects.requireNonNull(password, "password"));
        return new UrlDataSource(check(url), p, 0);
    }

    private static String check(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with 'jdbc:'");
        }
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (idle == null) {
            return DriverManager.getConnection(url, properties);
        }
        Connection c = idle.poll();
        if (c == null || c.isClosed()) {
            c = DriverManager.getConnection(url, properties);
        }
        return pooledProxy(c);
    }

    private Connection pooledProxy(Connection real) {
        boolean[] closed = new boolean[1];
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!closed[0]) {
                                closed[0] = true;
                                giveBack(real);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed[0] || real.isClosed();
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "toString" -> {
                            return "pooled " + real;
                        }
                        default -> {
                            if (closed[0]) {
                                throw new SQLException("connection is closed", "08003");
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    private void giveBack(Connection real) throws SQLException {
        try {
            if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
        } catch (SQLException e) {
            real.close();
            return;
        }
        if (!idle.offer(real)) {
            real.close();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", username);
        p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    /**
     * Returns the URL up to its first parameter separator, so that credentials in the URL do not show.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return "UrlDataSource[" + url.substring(0, cut) + "]";
    }
}
