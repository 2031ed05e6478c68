package io.mapper.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Keeps README.md and the tests that run its examples in step: every Java example (imports included) must appear,
 * statement by statement and in order, in the test that runs it, so changing one without the other fails here; every
 * Java example must have such a test; and the Maven coordinates under "Getting mapper" must be the build's.
 */
class ReadmeExamplesTest {

    /** The tests that run the Java examples of each README section, and the names they use in place of the README's. */
    private record Runner(List<String> sources, Map<String, String> renamed) {
    }

    private static final Map<String, Runner> RUNNERS = Map.of(
            "A first look at the Core", new Runner(List.of(
                    "mapper-core/src/test/java/io/mapper/docs/ReadmeCoreTourTest.java"), Map.of()),
            "Schema and the expression language", new Runner(List.of(
                    "mapper-core/src/test/java/io/mapper/docs/ReadmeSchemaTourIT.java"), Map.of()),
            "A first look at the ORM", new Runner(List.of(
                    "mapper-processor/src/test/java/io/mapper/processor/tour/User.java",
                    "mapper-processor/src/test/java/io/mapper/processor/tour/ReadmeTourTest.java"), Map.of()),
            // The test module maps its own SliceNote where the README's reader has a Note, and names the class
            // after the README.
            "In Spring Boot", new Runner(List.of(
                    "mapper-spring-boot-test/src/test/java/io/mapper/spring/boot/test/app/ReadmeMapperTestExampleTest.java"),
                    Map.of("Note", "SliceNote", "NoteRepositoryTest", "ReadmeMapperTestExampleTest")));

    private static final Pattern DEPENDENCY = Pattern.compile(
            "<groupId>([^<]+)</groupId>\\s*(?:<!--.*?-->)?\\s*<artifactId>([^<]+)</artifactId>(?:\\s*(?:<!--.*?-->)?\\s*"
                    + "<version>([^<]+)</version>)?", Pattern.DOTALL);

    private final Path root = findRoot();

    @Test
    void everyJavaExampleRunsAsATestAsWritten() throws IOException {
        Map<String, List<String>> examples = blocks("java");
        assertThat(RUNNERS.keySet()).as("README sections with a Java example and a test that runs it")
                .containsExactlyInAnyOrderElementsOf(examples.keySet());
        for (Map.Entry<String, List<String>> example : examples.entrySet()) {
            Runner runner = RUNNERS.get(example.getKey());
            StringBuilder source = new StringBuilder();
            for (String file : runner.sources()) {
                source.append(Files.readString(root.resolve(file))).append('\n');
            }
            assertRunsAsWritten(example.getKey(), String.join("\n", example.getValue()), source.toString(), runner);
        }
    }

    @Test
    void gettingMapperNamesTheBuildsCoordinates() throws IOException {
        String version = projectVersion();
        Set<String> mapperArtifacts = new TreeSet<>();
        for (String block : blocks("xml").getOrDefault("Getting mapper", List.of())) {
            Matcher dependency = DEPENDENCY.matcher(block);
            while (dependency.find()) {
                if (!dependency.group(1).equals("io.mapper")) {
                    continue;
                }
                String artifact = dependency.group(2);
                mapperArtifacts.add(artifact);
                Path pom = root.resolve(artifact).resolve("pom.xml");
                assertThat(pom).as("README's io.mapper:%s is a module of the build", artifact).exists();
                assertThat(Files.readString(pom)).contains("<artifactId>" + artifact + "</artifactId>");
                assertThat(dependency.group(3)).as("README's version of io.mapper:%s", artifact).isEqualTo(version);
            }
        }
        assertThat(mapperArtifacts).containsExactly("mapper-core", "mapper-spring-boot-starter");
    }

    /** Each README statement, comments and white space aside, must occur in the test source after the one before. */
    private static void assertRunsAsWritten(String section, String example, String source, Runner runner) {
        String renamed = example;
        for (Map.Entry<String, String> name : runner.renamed().entrySet()) {
            renamed = renamed.replaceAll("\\b" + name.getKey() + "\\b", name.getValue());
        }
        Set<String> sourceImports = new TreeSet<>();
        for (String line : source.split("\n")) {
            if (line.startsWith("import ")) {
                sourceImports.add(squeeze(line));
            }
        }
        String code = squeeze(withoutComments(source));
        int from = 0;
        for (String line : withoutComments(renamed).split("\n")) {
            String statement = squeeze(line);
            if (statement.isEmpty()) {
                continue;
            }
            if (line.strip().startsWith("import ")) {
                assertThat(sourceImports).as("README, \"%s\": the import `%s` in %s", section, line.strip(),
                        runner.sources()).contains(statement);
                continue;
            }
            int found = code.indexOf(statement, from);
            assertThat(found).as("README, \"%s\": `%s` does not come next in %s; the README and the test that runs "
                    + "its example differ: change both", section, line.strip(), runner.sources()).isGreaterThanOrEqualTo(0);
            from = found + statement.length();
        }
    }

    /** The fenced blocks of one language, by the {@code ##} section they stand in. */
    private Map<String, List<String>> blocks(String language) throws IOException {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        String section = "";
        List<String> current = null;
        for (String line : Files.readAllLines(root.resolve("README.md"))) {
            if (current != null) {
                if (line.startsWith("```")) {
                    blocks.computeIfAbsent(section, key -> new ArrayList<>()).add(String.join("\n", current));
                    current = null;
                } else {
                    current.add(line);
                }
            } else if (line.startsWith("## ")) {
                section = line.substring(3).strip();
            } else if (line.strip().equals("```" + language)) {
                current = new ArrayList<>();
            }
        }
        return blocks;
    }

    /** Java text without {@code //} and block comments (string literals are kept whole). */
    private static String withoutComments(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int i = 0;
        while (i < java.length()) {
            char ch = java.charAt(i);
            if (ch == '"') {
                int end = i + 1;
                while (end < java.length() && java.charAt(end) != '"') {
                    end += java.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(java, i, Math.min(end + 1, java.length()));
                i = end + 1;
            } else if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                i = end < 0 ? java.length() : end;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? java.length() : end + 2;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private String projectVersion() throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>mapper-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).as("the parent pom's version").isTrue();
        return version.group(1);
    }

    private static Path findRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("README.md"))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("a README.md above the working directory").isNotNull();
        return directory;
    }
}
