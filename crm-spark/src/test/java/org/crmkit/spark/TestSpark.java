package org.crmkit.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the test JVM: starting a session costs seconds, so every
 * test class shares it (surefire runs them in one JVM); two worker threads as the issue asks.
 */
final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("crm-spark tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "4")
                    .config("spark.sql.adaptive.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    /** The folder of the CDNOW reference files; the calling test is skipped where it is absent. */
    static Path dataDirectory() {
        String dir = System.getProperty("crm.data.dir", "../../shared/data");
        Path path = Path.of(dir);
        assumeTrue(Files.isDirectory(path), "reference data folder " + path.toAbsolutePath()
                + " is absent (set -Dcrm.data.dir): test skipped");
        return path;
    }
}
