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
 * @param did         past-tense verb phrase for explanations, e.g. "bought an item"; null falls back to the name
 * @param didNot      its negative, e.g. "did not buy an item"
 */
public record EventSpec(
        String name,
        String description,
        List<String> synonyms,
        String table,
        String timestamp,
        List<Derivation.RowFilter> filters,
        List<EventProperty> properties,
        List<EventMeasure> measures,
        String did,
        String didNot) {

    public EventSpec {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        filters = filters == null ? List.of() : List.copyOf(filters);
        properties = properties == null ? List.of() : List.copyOf(properties);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** The constructor from before verb phrases existed: the event reads by its name. */
    public EventSpec(String name, String description, List<String> synonyms, String table, String timestamp,
                     List<Derivation.RowFilter> filters, List<EventProperty> properties, List<EventMeasure> measures) {
        this(name, description, synonyms, table, timestamp, filters, properties, measures, null, null);
    }

    /** "bought an item"; without catalog wording "had a purchase event". */
    public String didPhrase() {
        return did != null ? did : "had a " + Labels.words(name) + " event";
    }

    /** "did not buy an item"; without catalog wording "had no purchase event". */
    public String didNotPhrase() {
        return didNot != null ? didNot : "had no " + Labels.words(name) + " event";
    }

    /**
     * @param label   a noun for ordering filters: "line discount" (→ "with line discount of at least 20%")
     * @param phrase  how an equality filter reads after the event's verb phrase, with {@code {}} for the values:
     *                "in the {} category" → "bought an item in the shoes or bags category"; null reads
     *                "with category shoes or bags"
     * @param unit    e.g. ratio for a 0..1 share, so that 0.2 reads as 20%
     */
    public record EventProperty(String name, String column, FieldType type, String description,
                                List<String> allowedValues, String label, String phrase, String unit) {
        public EventProperty {
            allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        }

        public EventProperty(String name, String column, FieldType type, String description, List<String> allowedValues) {
            this(name, column, type, description, allowedValues, null, null, null);
        }

        public String labelOrName() {
            return label != null ? label : Labels.words(name);
        }
    }

    /** @param label a noun for sums: "net order value" (→ "with net order value totalling at least €100") */
    public record EventMeasure(String name, String column, String unit, String description, String label) {

        public EventMeasure(String name, String column, String unit, String description) {
            this(name, column, unit, description, null);
        }

        public String labelOrName() {
            return label != null ? label : Labels.words(name);
        }
    }
}
