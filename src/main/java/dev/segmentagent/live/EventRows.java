package dev.segmentagent.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.Derivation;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.FieldType;
import dev.segmentagent.catalog.TableSpec;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps an incoming event onto a row of the behavioural table its catalog event type reads, so that the
 * segment that tests "add_to_cart with category toys" sees exactly the row the client sent: the type's fixed
 * filters give their columns (event_type = 'add_to_cart', status = 'completed'), properties and measures
 * give theirs, the customer key and the timestamp column come from the catalog. Pure: no connection.
 */
final class EventRows {

    private EventRows() {
    }

    /** A row to insert: table, column -> value; {@code keyColumns} receive a synthetic key. */
    record Row(String table, Map<String, Object> values, List<String> keyColumns) {}

    /** A warehouse column of the event's table (for NOT NULL columns the event does not fill). */
    record Column(String name, String type, boolean nullable) {}

    static Row map(IncomingEvent event, Catalog catalog, List<Column> tableColumns, List<String> issues) {
        String where = "event " + event.eventId() + ": ";
        Optional<EventSpec> found = catalog.event(event.type());
        if (found.isEmpty()) {
            issues.add(where + "unknown event type '" + event.type() + "' (known: "
                    + String.join(", ", catalog.events().stream().map(EventSpec::name).toList()) + ")");
            return null;
        }
        EventSpec spec = found.get();
        TableSpec table = catalog.table(spec.table()).orElse(new TableSpec(spec.table(), null, null, "customer_id"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(table.customerKey(), event.customerId());
        values.put(spec.timestamp(), LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
        for (Derivation.RowFilter filter : spec.filters()) {
            if (filter.op() == Derivation.FilterOp.EQ) {
                values.put(filter.column(), filter.values().get(0));
            } else if (!(filter.op() == Derivation.FilterOp.IS_NOT_NULL && values.containsKey(filter.column()))) {
                issues.add(where + "events of type " + spec.name() + " cannot be ingested (their rows are defined by "
                        + filter.op() + " on " + filter.column() + ")");
                return null;
            }
        }
        for (Map.Entry<String, JsonNode> entry : event.properties().entrySet()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            Optional<EventSpec.EventProperty> property = spec.properties().stream().filter(p -> p.name().equals(name)).findFirst();
            Optional<EventSpec.EventMeasure> measure = spec.measures().stream().filter(m -> m.name().equals(name)).findFirst();
            if (property.isPresent()) {
                Object typed = typed(property.get(), value, where, issues);
                if (typed != null) {
                    values.put(property.get().column(), typed);
                }
            } else if (measure.isPresent()) {
                if (!value.isNumber()) {
                    issues.add(where + "measure " + name + " must be a number");
                } else {
                    values.put(measure.get().column(), value.doubleValue());
                }
            } else {
                issues.add(where + "event type " + spec.name() + " has no property or measure '" + name + "'");
            }
        }
        List<String> keyColumns = new java.util.ArrayList<>();
        for (Column column : tableColumns) {
            if (!column.nullable() && !values.containsKey(column.name())) {
                if (column.type().contains("INT")) {
                    keyColumns.add(column.name());
                } else {
                    issues.add(where + "column " + spec.table() + "." + column.name() + " needs a value the event type "
                            + spec.name() + " does not carry");
                    return null;
                }
            }
        }
        return new Row(spec.table(), values, keyColumns);
    }

    private static Object typed(EventSpec.EventProperty property, JsonNode value, String where, List<String> issues) {
        if (value == null || value.isNull()) {
            return null;
        }
        FieldType type = property.type();
        Object typed = switch (type) {
            case INTEGER -> value.canConvertToLong() && value.isIntegralNumber() ? value.longValue() : null;
            case DECIMAL -> value.isNumber() ? value.doubleValue() : null;
            case BOOLEAN -> value.isBoolean() ? value.booleanValue() : null;
            case STRING, ENUM -> value.isTextual() ? value.textValue() : null;
            default -> value.isTextual() ? value.textValue() : null;
        };
        if (typed == null) {
            issues.add(where + "property " + property.name() + " must be " + type.name().toLowerCase(java.util.Locale.ROOT));
            return null;
        }
        if (!property.allowedValues().isEmpty() && !property.allowedValues().contains(typed.toString())) {
            issues.add(where + "property " + property.name() + ": '" + typed + "' is not one of " + property.allowedValues());
            return null;
        }
        return typed;
    }
}
