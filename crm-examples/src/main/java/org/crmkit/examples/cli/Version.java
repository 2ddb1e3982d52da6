package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code crm --version} prints: the project version Maven writes into
 * {@code crm-version.properties} when it builds the jar.
 *
 * <p>Stateless and thread-safe.
 */
final class Version implements IVersionProvider {
    private static final String RESOURCE = "crm-version.properties";

    /**
     * Returns the version of this build.
     *
     * @return the version such as {@code 0.1.0}, never null
     */
    static String number() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build did not package " + RESOURCE);
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (v.isBlank() || v.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered by the build: '" + v + "'");
            }
            return v.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"crm (crmkit) " + number(), "Java " + Runtime.version()};
    }
}
