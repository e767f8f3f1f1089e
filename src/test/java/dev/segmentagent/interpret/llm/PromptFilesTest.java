package dev.segmentagent.interpret.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogLoader;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.ExamplePair;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.ModelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prompt files are reviewed text that names catalog things: a renamed or removed field must fail the
 * build here, not mislead the model in production. Also checks that each template's placeholders are exactly
 * what the AI service fills, and that the jar carries the files.
 */
class PromptFilesTest {

    private static final Path PROMPTS = Path.of("prompts");
    /** snake_case words: catalog names are snake_case, the definition format's own words are camelCase. */
    private static final Pattern SNAKE_CASE = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");

    private static Catalog catalog;
    private static Set<String> catalogNames;

    @BeforeAll
    static void load() {
        catalog = new CatalogLoader().load(Path.of("schema-catalog"));
        catalogNames = new HashSet<>();
        catalog.fields().stream().map(FieldSpec::name).forEach(catalogNames::add);
        catalog.models().stream().map(ModelSpec::name).forEach(catalogNames::add);
        catalog.models().forEach(m -> catalogNames.addAll(m.tiers()));
        for (EventSpec event : catalog.events()) {
            catalogNames.add(event.name());
            event.properties().forEach(p -> catalogNames.add(p.name()));
            event.measures().forEach(m -> catalogNames.add(m.name()));
        }
    }

    /** Names in a prompt text that the catalog does not have, with the placeholders left out. */
    static Set<String> unknownNames(String text) {
        Set<String> unknown = new TreeSet<>();
        Matcher names = SNAKE_CASE.matcher(PLACEHOLDER.matcher(text).replaceAll(""));
        while (names.find()) {
            if (!catalogNames.contains(names.group())) {
                unknown.add(names.group());
            }
        }
        return unknown;
    }

    private static Map<String, String> promptFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(PROMPTS)) {
            for (Path file : list.filter(p -> p.toString().endsWith(".md")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        return names;
    }

    @Test
    void every_catalog_name_in_the_prompt_files_exists_in_the_catalog() throws IOException {
        Map<String, String> files = promptFiles();
        assertThat(files).containsOnlyKeys("catalog-draft.md", "cluster-names.md", "few-shot.md", "repair.md", "system.md", "user.md");
        // catalog-draft.md is about a catalog being drafted for someone else's data: its examples name no demo field
        files.entrySet().stream().filter(f -> !f.getKey().equals("catalog-draft.md")).forEach(f ->
                assertThat(unknownNames(f.getValue())).as("names in prompts/%s missing from the catalog", f.getKey()).isEmpty());
        // The system prompt does name fields (the look-alike advice), so the check above has something to check.
        assertThat(files.get("system.md")).contains("revenue_total", "revenue_365d", "total_spend");
    }

    @Test
    void a_renamed_or_invented_field_in_a_prompt_is_caught() {
        assertThat(unknownNames("prefer lifetime_revenue over revenue_365d; {{candidate_fields}} is a placeholder"))
                .containsExactly("lifetime_revenue");
    }

    @Test
    void deprecated_fields_are_only_named_as_deprecated() throws IOException {
        String system = promptFiles().get("system.md");
        for (FieldSpec field : catalog.fields()) {
            if (field.deprecated() && system.contains(field.name())) {
                Matcher sentence = Pattern.compile("[^.]*\\b" + field.name() + "\\b[^.]*").matcher(system);
                while (sentence.find()) {
                    assertThat(sentence.group()).as("sentence naming %s", field.name()).contains("deprecated");
                }
            }
        }
    }

    @Test
    void each_template_has_exactly_the_placeholders_the_ai_service_fills() throws IOException {
        Map<String, String> files = promptFiles();
        for (Method method : SegmentAgent.class.getDeclaredMethods()) {
            Set<String> filled = new TreeSet<>();
            for (Parameter parameter : method.getParameters()) {
                V v = parameter.getAnnotation(V.class);
                if (v != null) {
                    filled.add(v.value());
                }
            }
            Set<String> used = new TreeSet<>();
            SystemMessage system = method.getAnnotation(SystemMessage.class);
            if (system != null) {
                used.addAll(placeholders(files.get(Path.of(system.fromResource()).getFileName().toString())));
            }
            UserMessage user = method.getAnnotation(UserMessage.class);
            used.addAll(placeholders(files.get(Path.of(user.fromResource()).getFileName().toString())));
            assertThat(used).as("placeholders of %s", method.getName()).isEqualTo(filled);
        }
        assertThat(placeholders(files.get("few-shot.md"))).containsExactlyInAnyOrder("request", "fields", "definition");
        // sent as the system message verbatim, with the columns as the user message: no template to fill
        assertThat(placeholders(files.get("catalog-draft.md"))).isEmpty();
    }

    @Test
    void the_few_shot_block_renders_every_reviewed_example_of_the_catalog() {
        String examples = new PromptLibrary(catalog).examples();
        assertThat(catalog.examples()).hasSizeGreaterThanOrEqualTo(10);
        for (ExamplePair pair : catalog.examples()) {
            assertThat(examples).contains("Request: " + pair.request() + "\n")
                    .contains("Definition: " + PromptLibrary.json(pair.definition()));
        }
        assertThat(examples).doesNotContain("{{");
    }

    @Test
    void the_build_puts_the_prompt_files_on_the_classpath_unchanged() throws IOException {
        for (Map.Entry<String, String> file : promptFiles().entrySet()) {
            assertThat(PromptLibrary.resource("/prompts/" + file.getKey())).isEqualTo(file.getValue());
        }
    }

    @Test
    void the_system_prompt_carries_no_field_of_the_catalog_beyond_the_few_it_names_on_purpose() {
        PromptLibrary library = new PromptLibrary(catalog);
        String system = PromptLibrary.resource("/prompts/system.md");
        List<String> fieldsInFixedParts = catalog.fields().stream().map(FieldSpec::name)
                .filter(name -> Pattern.compile("\\b" + name + "\\b").matcher(system + library.vocabulary()).find())
                .toList();
        assertThat(fieldsInFixedParts).hasSizeLessThanOrEqualTo(10);
    }
}
