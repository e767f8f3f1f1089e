package dev.segmentagent.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded, validated schema catalog. Immutable; a reload produces a new instance. Look-ups by name are
 * indexed once here because validation and compilation call them per node.
 */
public final class Catalog {

    private final List<TableSpec> tables;
    private final List<FieldSpec> fields;
    private final List<EventSpec> events;
    private final List<ModelSpec> models;
    private final List<ExamplePair> examples;
    private final Map<String, FieldSpec> fieldsByName;
    private final Map<String, EventSpec> eventsByName;
    private final Map<String, ModelSpec> modelsByName;
    private final Map<String, TableSpec> tablesByName;

    public Catalog(List<TableSpec> tables, List<FieldSpec> fields, List<EventSpec> events,
                   List<ModelSpec> models, List<ExamplePair> examples) {
        this.tables = List.copyOf(tables);
        this.fields = List.copyOf(fields);
        this.events = List.copyOf(events);
        this.models = List.copyOf(models);
        this.examples = List.copyOf(examples);
        this.fieldsByName = index(this.fields, FieldSpec::name);
        this.eventsByName = index(this.events, EventSpec::name);
        this.modelsByName = index(this.models, ModelSpec::name);
        this.tablesByName = index(this.tables, TableSpec::name);
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.putIfAbsent(key.apply(item), item);
        }
        return Map.copyOf(map);
    }

    public List<TableSpec> tables() { return tables; }
    public List<FieldSpec> fields() { return fields; }
    public List<EventSpec> events() { return events; }
    public List<ModelSpec> models() { return models; }
    public List<ExamplePair> examples() { return examples; }

    public Optional<FieldSpec> field(String name) { return Optional.ofNullable(fieldsByName.get(name)); }
    public Optional<EventSpec> event(String name) { return Optional.ofNullable(eventsByName.get(name)); }
    public Optional<ModelSpec> model(String name) { return Optional.ofNullable(modelsByName.get(name)); }
    public Optional<TableSpec> table(String name) { return Optional.ofNullable(tablesByName.get(name)); }
}
