package dev.segmentagent.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's configuration reference is complete: every setting the code reads (each component of a
 * {@code @ConfigurationProperties} record, each {@code @Value("${segment...}")}, each environment variable
 * application.yml names) has a row with its environment variable and, where the code declares one, its
 * default. A setting added without documenting it fails here, not in a user's deployment.
 */
class ConfigurationReferenceTest {

    static final Path README = Path.of("README.md");
    static final Path CLASSES = Path.of("target/classes");
    static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{(segment\\.[a-z0-9.-]+):([^}]*)}\"\\)");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+):");

    record Setting(String key, String env, String defaultValue) {
    }

    @Test
    void every_setting_has_a_readme_row_with_its_environment_variable_and_default() throws Exception {
        List<String> rows = referenceRows();
        List<Setting> settings = settings();
        assertThat(settings).as("settings found in the code").hasSizeGreaterThan(20);

        List<String> missing = new ArrayList<>();
        for (Setting setting : settings) {
            boolean documented = rows.stream().anyMatch(row -> row.contains("`" + setting.key() + "`")
                    && row.contains("`" + setting.env() + "`")
                    && (setting.defaultValue() == null || row.contains("`" + setting.defaultValue() + "`")));
            if (!documented) {
                missing.add(setting.key() + " (" + setting.env() + ", default " + setting.defaultValue() + ")");
            }
        }
        assertThat(missing).as("settings without a complete row under README's 'Configuration reference'").isEmpty();
    }

    @Test
    void every_environment_variable_named_in_application_yml_is_documented() throws IOException {
        List<String> rows = referenceRows();
        List<String> missing = new ArrayList<>();
        for (Path yml : List.of(Path.of("src/main/resources/application.yml"),
                Path.of("src/main/resources/application-postgres.yml"))) {
            Matcher m = PLACEHOLDER.matcher(Files.readString(yml));
            while (m.find()) {
                String env = m.group(1);
                if (rows.stream().noneMatch(row -> row.contains("`" + env + "`"))) {
                    missing.add(env + " (" + yml.getFileName() + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The table rows of README's "Configuration reference" section. */
    static List<String> referenceRows() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Configuration reference");
        assertThat(start).as("README has a 'Configuration reference' section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end).lines()
                .filter(line -> line.startsWith("| `")).toList();
    }

    static List<Setting> settings() throws Exception {
        TreeMap<String, Setting> settings = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ConfigurationReferenceTest.class.getClassLoader());
                ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
                if (properties != null && type.isRecord()) {
                    recordSettings(properties.value(), type).forEach(s -> settings.put(s.key(), s));
                }
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = VALUE.matcher(Files.readString(source));
                while (m.find()) {
                    settings.put(m.group(1), new Setting(m.group(1), env(m.group(1)), m.group(2)));
                }
            }
        }
        return List.copyOf(settings.values());
    }

    private static List<Setting> recordSettings(String prefix, Class<?> type) throws NoSuchMethodException {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        List<Setting> settings = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            String key = prefix + "." + kebab(components[i].getName());
            Bindable bindable = canonical.getParameters()[i].getAnnotation(Bindable.class);
            String defaultValue = bindable == null || bindable.defaultValue().isEmpty() ? null : bindable.defaultValue();
            settings.add(new Setting(key, env(key), defaultValue));
        }
        return settings;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Micronaut reads SEGMENT_LLM_BASE_URL as segment.llm.base-url: upper case, dots and dashes to '_'. */
    static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
