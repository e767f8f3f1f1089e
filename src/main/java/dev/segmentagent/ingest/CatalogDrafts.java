package dev.segmentagent.ingest;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogException;
import dev.segmentagent.catalog.CatalogLoader;
import dev.segmentagent.catalog.CatalogWarehouseCheck;
import dev.segmentagent.warehouse.DuckDbWarehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the catalog draft of an import lives: {@code imported.yml} next to a copy of the catalog JSON Schema,
 * a folder the catalog loader reads like the shipped one. A reviewed file survives a re-import while it still
 * fits the new data; otherwise it is kept as {@code imported.yml.bak-<time>} and a new draft replaces it.
 */
final class CatalogDrafts {

    static final String FILE = "imported.yml";

    private CatalogDrafts() {
    }

    /** Fails (before anything is swapped) when the draft would not load as a catalog. */
    static void checkLoads(List<TableProfile> profiles, Path schemaFile) {
        checkLoads(profiles, DraftWording.NONE, schemaFile);
    }

    static void checkLoads(List<TableProfile> profiles, Map<String, DraftWording> wording, Path schemaFile) {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("catalog-draft");
            write(temp, CatalogDrafter.yaml(profiles, wording), schemaFile);
            new CatalogLoader().load(temp);
        } catch (CatalogException e) {
            throw new ImportException("draft-invalid", null, "the drafted catalog does not validate: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Writes the draft unless the catalog in {@code dir} still fits; returns whether it wrote one. */
    static boolean place(List<TableProfile> profiles, Path dir, Path schemaFile, boolean redraft,
                         DuckDbWarehouse warehouse) {
        return place(profiles, DraftWording.NONE, dir, schemaFile, redraft, warehouse);
    }

    /** Whether {@link #place} would write a new draft: asked to, or no catalog there that fits the data. */
    static boolean needsDraft(Path dir, boolean redraft, DuckDbWarehouse warehouse) {
        return redraft || !Files.exists(dir.resolve(FILE)) || !fits(dir, warehouse);
    }

    static boolean place(List<TableProfile> profiles, Map<String, DraftWording> wording, Path dir, Path schemaFile,
                         boolean redraft, DuckDbWarehouse warehouse) {
        Path file = dir.resolve(FILE);
        if (!needsDraft(dir, redraft, warehouse)) {
            return false;
        }
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                Files.move(file, dir.resolve(FILE + ".bak-" + Instant.now().toString().replace(':', '-')),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            write(dir, CatalogDrafter.yaml(profiles, wording), schemaFile);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the catalog draft to " + dir, e);
        }
    }

    /** The catalog in the folder, checked against the warehouse's tables. */
    static Catalog load(Path dir, DuckDbWarehouse warehouse) {
        Catalog catalog = new CatalogLoader().load(dir);
        try (Connection connection = warehouse.connection()) {
            CatalogWarehouseCheck.verify(catalog, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the catalog against the warehouse: " + e.getMessage(), e);
        }
        return catalog;
    }

    private static boolean fits(Path dir, DuckDbWarehouse warehouse) {
        try {
            load(dir, warehouse);
            return true;
        } catch (CatalogException e) {
            return false;
        }
    }

    private static void write(Path dir, String yaml, Path schemaFile) throws IOException {
        Files.copy(schemaFile, dir.resolve(CatalogLoader.SCHEMA_FILE), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(FILE), yaml);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
