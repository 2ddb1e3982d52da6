package org.crmkit.consumertest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uses crm-core and crm-scoring the way a consumer does: the packaged jars of this build and their
 * run-time dependencies (copied to {@code target/consumer-lib}, never installed anywhere), a tiny
 * application compiled with javac against them and run with java, once as a named module on the
 * module path and once on the class path. Also pins what the jars publish: module names,
 * {@code requires}, {@code exports}, {@code uses} and {@code provides}.
 *
 * <p>Runs in the integration-test phase, after the jars are packaged: {@code mvn verify}.
 */
class PublishedJarsIT {
    private static final String BTYD_MODEL = "org.crmkit.scoring.btyd.BtydModel";
    private static Path lib;
    private static Path work;
    private static List<Path> jars;

    @BeforeAll
    static void findJars() throws IOException {
        lib = Path.of(System.getProperty("consumer.lib", "target/consumer-lib"));
        work = Path.of(System.getProperty("consumer.work", "target/consumer-it"));
        assertThat(lib).as("dependency:copy-dependencies output").isDirectory();
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        assertThat(jars).extracting(j -> j.getFileName().toString())
                .anyMatch(n -> n.startsWith("crm-core-")).anyMatch(n -> n.startsWith("crm-scoring-"))
                .noneMatch(n -> n.contains("junit") || n.contains("assertj") || n.endsWith("-tests.jar"));
    }

    @Test
    void jars_pinModuleNamesRequiresExportsAndProvides() {
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        ModuleDescriptor core = descriptor(finder, "org.crmkit.core");
        assertThat(core.isAutomatic()).isFalse();
        assertThat(requires(core)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "java.base", Set.of(ModuleDescriptor.Requires.Modifier.MANDATED),
                "com.fasterxml.jackson.databind", Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE),
                "java.sql", Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE),
                "org.slf4j", Set.of()));
        assertThat(exports(core)).containsExactlyInAnyOrder("org.crmkit.core.activity", "org.crmkit.core.campaign",
                "org.crmkit.core.csv", "org.crmkit.core.customer", "org.crmkit.core.json", "org.crmkit.core.lifecycle",
                "org.crmkit.core.merge", "org.crmkit.core.money", "org.crmkit.core.ownership",
                "org.crmkit.core.segment", "org.crmkit.core.store", "org.crmkit.core.store.jdbc", "org.crmkit.core.view");
        assertThat(core.provides()).isEmpty();
        assertThat(core.uses()).isEmpty();

        ModuleDescriptor scoring = descriptor(finder, "org.crmkit.scoring");
        assertThat(scoring.isAutomatic()).isFalse();
        assertThat(requires(scoring)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "java.base", Set.of(ModuleDescriptor.Requires.Modifier.MANDATED),
                "org.crmkit.core", Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE),
                "com.fasterxml.jackson.databind", Set.of(),
                "org.slf4j", Set.of(),
                "hipparchus.core", Set.of(),
                "hipparchus.optim", Set.of()));
        assertThat(exports(scoring)).containsExactlyInAnyOrder("org.crmkit.scoring", "org.crmkit.scoring.basket", "org.crmkit.scoring.btyd",
                "org.crmkit.scoring.diagnostics",
                "org.crmkit.scoring.churn", "org.crmkit.scoring.loyalty",
                "org.crmkit.scoring.campaign", "org.crmkit.scoring.concentration", "org.crmkit.scoring.evaluation",
                "org.crmkit.scoring.inference", "org.crmkit.scoring.rfm", "org.crmkit.scoring.satisfaction",
                "org.crmkit.scoring.retention", "org.crmkit.scoring.service", "org.crmkit.scoring.summary",
                "org.crmkit.scoring.uncertainty",
                "org.crmkit.scoring.value");
        assertThat(scoring.uses()).containsExactly(BTYD_MODEL);
        assertThat(scoring.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(BTYD_MODEL);
            assertThat(p.providers()).containsExactlyInAnyOrder("org.crmkit.scoring.btyd.internal.BgNbdModel",
                    "org.crmkit.scoring.btyd.internal.MbgNbdModel", "org.crmkit.scoring.btyd.internal.ParetoNbdModel",
                    "org.crmkit.scoring.btyd.internal.BgBbModel", "org.crmkit.scoring.btyd.internal.GammaGammaModel",
                    "org.crmkit.scoring.btyd.internal.GGompertzNbdModel");
        });
        // every dependency a consumer pulls in resolves: no missing or split module
        java.lang.module.Configuration.resolve(finder, List.of(ModuleLayer.boot().configuration()), ModuleFinder.of(),
                Set.of("org.crmkit.scoring"));
    }

    @Test
    void jars_haveSourcesAndJavadocJarsAndServicesFiles() throws IOException {
        for (String module : List.of("crm-core", "crm-scoring")) {
            Path jar = jars.stream().filter(j -> j.getFileName().toString().startsWith(module + "-")).findFirst()
                    .orElseThrow();
            Path target = Path.of("..", module, "target");
            String base = jar.getFileName().toString().replace(".jar", "");
            assertThat(target.resolve(base + "-sources.jar")).as("sources jar of %s", module).isRegularFile();
            assertThat(target.resolve(base + "-javadoc.jar")).as("javadoc jar of %s", module).isRegularFile();
            try (JarFile j = new JarFile(jar.toFile())) {
                assertThat(j.getEntry("META-INF/services/" + BTYD_MODEL) != null).as("services file in %s", module)
                        .isEqualTo(module.equals("crm-scoring"));
            }
        }
    }

    @Test
    void readmeTour_runsOnTheModulePath() throws Exception {
        Path out = compile("modular", true);
        String path = out + java.io.File.pathSeparator + lib;
        Run run = java("--module-path", path, "--module", "org.example.tour/org.example.tour.Tour");
        checkTour(run);
        assertThat(run.out()).contains("core_module=org.crmkit.core");
    }

    @Test
    void readmeTour_runsOnTheClassPath() throws Exception {
        Path out = compile("classpath", false);
        String path = Stream.concat(Stream.of(out), jars.stream()).map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        Run run = java("-cp", path, "org.example.tour.Tour");
        checkTour(run);
        assertThat(run.out()).contains("core_module=null");
    }

    private static void checkTour(Run run) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : run.out().split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                lines.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        // the values README's tour promises
        assertThat(lines).containsEntry("orders", "1").containsEntry("spend", "{EUR=EUR 31.80}")
                .containsEntry("email_contactable", "false").containsEntry("email_shown", "a***@example.com")
                .containsEntry("json_round_trip", "true").containsEntry("customers", "3")
                .containsEntry("bgnbd_converged", "true");
        assertThat(lines.get("rfm_segments")).matches("\\[[a-z-]+, [a-z-]+, [a-z-]+\\]");
        assertThat(lines.get("models")).contains("bg-nbd", "mbg-nbd", "pareto-nbd", "bg-bb", "gamma-gamma");
        // simulated with r = 0.25: 2,000 customers estimate it within a wide band
        assertThat(Double.parseDouble(lines.get("bgnbd_r"))).isBetween(0.15, 0.40);
    }

    /** Copies the tour sources and compiles them against the jars. */
    private static Path compile(String name, boolean modular) throws IOException, InterruptedException {
        Path sources = Path.of(System.getProperty("consumer.tour", "src/it/tour"));
        Path src = work.resolve(name).resolve("src");
        Path out = work.resolve(name).resolve("classes");
        deleteRecursively(work.resolve(name));
        List<String> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(sources)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                if (!modular && f.getFileName().toString().equals("module-info.java")) {
                    continue;
                }
                Path copy = src.resolve(sources.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy);
                files.add(copy.toString());
            }
        }
        Files.createDirectories(out);
        // a separate javac process, as in the consumer's build: nothing of this test's class path leaks in
        List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d", out.toString()));
        args.addAll(List.of(modular ? "--module-path" : "--class-path", jars.stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator))));
        args.addAll(files);
        Run javac = run("javac", args.toArray(String[]::new));
        assertThat(javac.exitCode()).as("javac: %s%s", javac.out(), javac.err()).isZero();
        return out;
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        return run("java", args);
    }

    /** Runs a tool of the JDK that runs this test, with an empty environment class path. */
    private static Run run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(work, "out", ".txt");
        Path stderr = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process p = builder.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(tool + " did not finish in 180 s: " + command);
        }
        return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static ModuleDescriptor descriptor(ModuleFinder finder, String name) {
        return finder.find(name).map(ModuleReference::descriptor)
                .orElseThrow(() -> new AssertionError("no module " + name + " among " + jars));
    }

    private static Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires(ModuleDescriptor d) {
        return d.requires().stream().collect(Collectors.toMap(ModuleDescriptor.Requires::name,
                ModuleDescriptor.Requires::modifiers));
    }

    private static Set<String> exports(ModuleDescriptor d) {
        assertThat(d.exports()).as("qualified exports of %s", d.name()).noneMatch(ModuleDescriptor.Exports::isQualified);
        return d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
