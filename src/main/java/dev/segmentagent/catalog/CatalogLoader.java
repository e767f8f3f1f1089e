package dev.segmentagent.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the schema catalog from a folder: every {@code *.yml} / {@code *.yaml} file below it, validated
 * against {@code catalog.schema.json} in the same folder, then checked for meaning across files. Problems
 * are collected and thrown together, each as {@code folder/file.yml:LINE path: reason}, so a reviewer fixes
 * them in one pass and a bad catalog stops start-up with a message that says where to look.
 */
public final class CatalogLoader {

    public static final String SCHEMA_FILE = "catalog.schema.json";

    public Catalog load(Path dir) {
        String folder = dir.toAbsolutePath().normalize().getFileName() == null ? dir.toString()
                : dir.toAbsolutePath().normalize().getFileName().toString();
        List<CatalogProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(List.of(new CatalogProblem(dir.toString(), 0, "", "catalog folder does not exist")));
        }
        CatalogSchemaValidator validator = schema(dir, folder);

        List<YamlDocument> documents = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            String display = folder + "/" + dir.relativize(file).toString().replace('\\', '/');
            YamlDocument document = YamlDocument.read(file, display, problems);
            if (document != null) {
                problems.addAll(validator.validate(document));
                documents.add(document);
            }
        }
        if (documents.isEmpty() && problems.isEmpty()) {
            problems.add(new CatalogProblem(folder, 0, "", "no catalog YAML files found"));
        }
        // Meaning is checked only on well-formed documents: a schema error usually causes follow-on noise.
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        ParsedCatalog parsed = new ParsedCatalog();
        documents.forEach(document -> CatalogParser.parse(document, parsed));
        problems.addAll(CatalogSemantics.check(parsed));
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return parsed.toCatalog();
    }

    private static CatalogSchemaValidator schema(Path dir, String folder) {
        Path file = dir.resolve(SCHEMA_FILE);
        try {
            JsonNode node = new ObjectMapper().readTree(file.toFile());
            return new CatalogSchemaValidator(node);
        } catch (IOException e) {
            throw new CatalogException(List.of(new CatalogProblem(folder + "/" + SCHEMA_FILE, 0, "",
                    "cannot read the catalog JSON Schema: " + e.getMessage())));
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yml") || f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CatalogException(List.of(new CatalogProblem(dir.toString(), 0, "", "cannot list files: " + e.getMessage())));
        }
    }
}
