package dev.segmentagent.catalog;

import java.util.ArrayList;
import java.util.List;

/** Everything read from the catalog files, each item with its location, before the semantic checks. */
final class ParsedCatalog {

    final List<Located<TableSpec>> tables = new ArrayList<>();
    final List<Located<FieldSpec>> fields = new ArrayList<>();
    final List<Located<EventSpec>> events = new ArrayList<>();
    final List<Located<ModelSpec>> models = new ArrayList<>();
    final List<Located<ExamplePair>> examples = new ArrayList<>();

    Catalog toCatalog() {
        return new Catalog(values(tables), values(fields), values(events), values(models), values(examples));
    }

    private static <T> List<T> values(List<Located<T>> items) {
        return items.stream().map(Located::value).toList();
    }
}
