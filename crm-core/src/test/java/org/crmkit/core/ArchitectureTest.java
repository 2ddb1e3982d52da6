package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.core.customer.Customer;
import org.junit.jupiter.api.Test;

/**
 * States the dependency direction (examples -> scoring -> core): crm-core depends
 * on nothing of crmkit and, outside the JDK, only on jackson-databind and slf4j-api, in
 * its module descriptor, in its compiled classes and in its pom.
 */
class ArchitectureTest {
    /** Packages (internal form) that crm-core classes may refer to; the JDK's java.* included. */
    private static final List<String> ALLOWED = List.of(
            "java/",
            "org/crmkit/core/",
            "com/fasterxml/jackson/", // databind and what it brings transitively: core, annotations
            "org/slf4j/");
    /** Type names inside descriptors and signatures: {@code Lcom/acme/Foo;} or {@code Lcom/acme/Foo<}. */
    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+)[;<]");

    @Test
    void moduleDescriptor_requiresOnlyJdkJacksonAndSlf4j() {
        ModuleDescriptor descriptor = Customer.class.getModule().getDescriptor();
        assertThat(descriptor).as("tests run on the module path").isNotNull();
        Set<String> requires = descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        assertThat(requires).containsExactlyInAnyOrder("java.base", "com.fasterxml.jackson.databind",
                "org.slf4j");
        assertThat(requires).noneMatch(r -> r.startsWith("org.crmkit"));
    }

    @Test
    void compiledClasses_referOnlyToCoreJdkAndAllowedLibraries() throws IOException, URISyntaxException {
        Path classes = Path.of(Customer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).as("crm-core's compiled classes").isDirectory();
        Map<String, Set<String>> offending = new TreeMap<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")
                    && !f.getFileName().toString().equals("module-info.class")).toList()) {
                scanned++;
                for (String type : referencedTypes(file)) {
                    if (ALLOWED.stream().noneMatch(type::startsWith)) {
                        offending.computeIfAbsent(classes.relativize(file).toString(), k -> new TreeSet<>()).add(type);
                    }
                }
            }
        }
        assertThat(scanned).as("class files found under %s", classes).isGreaterThan(50);
        assertThat(offending.values().stream().flatMap(Set::stream))
                .as("crm-core must not depend on crm-scoring or crm-examples")
                .noneMatch(t -> t.startsWith("org/crmkit/scoring/") || t.startsWith("org/crmkit/examples/"));
        assertThat(offending).as("crm-core classes referring to types outside core, JDK, jackson, slf4j")
                .isEmpty();
    }

    @Test
    void sources_importNothingFromScoringOrExamples() throws IOException {
        Path sources = Path.of("src", "main", "java");
        assertThat(sources).as("surefire runs in the crm-core module directory").isDirectory();
        Pattern upward = Pattern.compile("\\borg\\.crmkit\\.(scoring|examples)\\b");
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (upward.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                    offending.add(sources.relativize(file).toString());
                }
            }
        }
        assertThat(offending).as("crm-core sources naming org.crmkit.scoring or org.crmkit.examples").isEmpty();
    }

    @Test
    void referencedTypes_findsScoringAndExamplesReferences() throws IOException {
        // the scanner must see what it guards against: a class file naming a crmkit scoring type
        Path file = Files.createTempFile("Probe", ".class");
        try {
            Files.write(file, classFile("org/crmkit/core/Probe", "Lorg/crmkit/scoring/rfm/RfmScore;",
                    "org/crmkit/examples/cli/Crm"));
            assertThat(referencedTypes(file)).contains("org/crmkit/scoring/rfm/RfmScore",
                    "org/crmkit/examples/cli/Crm");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void pom_dependsOnlyOnJacksonSlf4jAndTestLibraries() throws IOException {
        Path pom = Path.of("pom.xml");
        assertThat(pom).as("surefire runs in the crm-core module directory").exists();
        String text = Files.readString(pom, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
        Matcher dependencies = Pattern.compile("(?s)<dependencies>(.*?)</dependencies>").matcher(text);
        assertThat(dependencies.find()).isTrue();
        Map<String, String> scopeByArtifact = new TreeMap<>();
        Matcher dependency = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(dependencies.group(1));
        while (dependency.find()) {
            String body = dependency.group(1);
            scopeByArtifact.put(tag(body, "groupId") + ":" + tag(body, "artifactId"),
                    body.contains("<scope>") ? tag(body, "scope") : "compile");
        }
        assertThat(scopeByArtifact).containsOnly(
                Map.entry("com.fasterxml.jackson.core:jackson-databind", "compile"),
                Map.entry("org.slf4j:slf4j-api", "compile"),
                Map.entry("org.junit.jupiter:junit-jupiter", "test"),
                Map.entry("org.assertj:assertj-core", "test"));
        assertThat(text).doesNotContain("<artifactId>crm-scoring</artifactId>", "<artifactId>crm-examples</artifactId>");
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
        assertThat(m.find()).as("<%s> in %s", name, xml).isTrue();
        return m.group(1);
    }

    /**
     * Reads the constant pool of a class file (JVMS 4.4) and returns the internal names of the
     * classes it refers to: class constants and the types inside descriptors and signatures.
     */
    static Set<String> referencedTypes(Path classFile) throws IOException {
        Set<String> types = new TreeSet<>();
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException(classFile + " is not a class file");
            }
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classNameIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndexes.add(in.readUnsignedShort());
                    case 8, 16, 19, 20 -> in.readUnsignedShort(); // string, method type, module, package
                    case 15 -> { // method handle
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> { // long and double take two slots
                        in.readLong();
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
            for (int index : classNameIndexes) {
                String name = utf8[index];
                if (name.startsWith("[")) {
                    addDescriptorTypes(name, types);
                } else {
                    types.add(name);
                }
            }
            for (String s : utf8) {
                if (s != null && s.indexOf('L') >= 0 && s.indexOf(';') >= 0) {
                    addDescriptorTypes(s, types);
                }
            }
        }
        return types;
    }

    private static void addDescriptorTypes(String descriptor, Set<String> types) {
        Matcher m = TYPE_IN_DESCRIPTOR.matcher(descriptor);
        while (m.find()) {
            types.add(m.group(1));
        }
    }

    /** A minimal class file whose constant pool names a descriptor and a class; enough for the scanner. */
    private static byte[] classFile(String self, String descriptor, String otherClass) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(61);
            out.writeShort(6); // constants 1..5
            out.writeByte(1);
            out.writeUTF(self);
            out.writeByte(7);
            out.writeShort(1);
            out.writeByte(1);
            out.writeUTF(descriptor);
            out.writeByte(1);
            out.writeUTF(otherClass);
            out.writeByte(7);
            out.writeShort(4);
        }
        return bytes.toByteArray();
    }
}
