package dev.segmentagent.catalog;

import java.util.List;

/**
 * A kind of behaviour an {@code event} condition can test ("purchased", "opened an email"), declared over a
 * many-rows-per-customer table.
 *
 * @param name        e.g. purchase, purchased_item, product_view, email_open
 * @param table       source table, e.g. orders
 * @param timestamp   the column that dates the event (rows where it is null are not events)
 * @param filters     fixed row filters that define the event, e.g. event_type = 'add_to_cart'
 * @param properties  what an event condition may filter on, e.g. category
 * @param measures    numeric columns an event condition may sum, e.g. amount
 */
public record EventSpec(
        String name,
        String description,
        List<String> synonyms,
        String table,
        String timestamp,
        List<Derivation.RowFilter> filters,
        List<EventProperty> properties,
        List<EventMeasure> measures) {

    public EventSpec {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        filters = filters == null ? List.of() : List.copyOf(filters);
        properties = properties == null ? List.of() : List.copyOf(properties);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    public record EventProperty(String name, String column, FieldType type, String description,
                                List<String> allowedValues) {
        public EventProperty {
            allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        }
    }

    public record EventMeasure(String name, String column, String unit, String description) {}
}
