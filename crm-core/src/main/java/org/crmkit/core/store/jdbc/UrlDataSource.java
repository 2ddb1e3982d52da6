package org.crmkit.core.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that opens a new connection from a JDBC URL through
 * {@link DriverManager} for every request: no pool. Enough for command-line tools, tests and
 * embedded H2; a server application should pass its pooled data source instead.
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

    private UrlDataSource(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    /**
     * Returns a data source for a URL that carries its credentials, if any.
     *
     * @param url the JDBC URL, not null, starting with {@code jdbc:}
     * @return the data source, never null
     * @throws IllegalArgumentException if the URL does not start with {@code jdbc:}
     */
    public static UrlDataSource of(String url) {
        return new UrlDataSource(check(url), new Properties());
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
        return new UrlDataSource(check(url), p);
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
        return DriverManager.getConnection(url, properties);
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
