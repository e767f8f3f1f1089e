package dev.segmentagent.interpret;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FieldSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Test catalogs for retrieval. */
final class CatalogFixtures {

    private static final String BASE = "catalog-fixtures/ecommerce-fields.yml";
    private static Catalog base;

    private CatalogFixtures() {
    }

    /**
     * The ~80-field e-commerce base catalog. To run the retrieval tests on the real catalog, return the
     * catalog loader's result here instead: every retrieval test takes its catalog from this one method.
     */
    static synchronized Catalog base() {
        if (base == null) {
            base = catalogOf(readFields(BASE));
        }
        return base;
    }

    static Catalog catalogOf(List<FieldSpec> fields) {
        return new Catalog(List.of(), fields, List.of(), List.of(), List.of());
    }

    private record FieldsFile(List<FieldSpec> fields) {}

    private static List<FieldSpec> readFields(String resource) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = CatalogFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return yaml.readValue(in, FieldsFile.class).fields();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
