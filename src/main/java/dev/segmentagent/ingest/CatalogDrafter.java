package dev.segmentagent.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drafts catalog YAML from imported tables: one field per customer column (type, obvious unit, enum values,
 * profile, description and synonyms from the name), and per-customer features from an orders or events
 * table (counts in windows, revenue, days since the last one) plus the table as an event. Everything is
 * marked {@code draft: true}: it is a starting point for a person to review, not a reviewed catalog.
 */
final class CatalogDrafter {

    private static final Pattern PII = Pattern.compile("(^|_)(e_?mail|phone|mobile|tel|telephone|first_name|last_name|"
            + "full_name|name|surname|address|street|zip|postcode|postal_code|ssn|iban|ip)($|_)");
    private static final List<Integer> WINDOWS = List.of(30, 90, 365);
    private static final int MAX_SYNONYMS = 10;

    private final Set<String> names = new HashSet<>();
    private final Map<String, DraftWording> wording;

    CatalogDrafter() {
        this(DraftWording.NONE);
    }

    CatalogDrafter(Map<String, DraftWording> wording) {
        this.wording = wording;
    }

    /** A column whose values are personal data: flagged pii, and never shown to an LLM. */
    static boolean personal(String identifier) {
        return PII.matcher(identifier).find();
    }

    /** The YAML text of the draft. */
    static String yaml(List<TableProfile> tables) {
        return yaml(tables, DraftWording.NONE);
    }

    /** The YAML text of the draft, with the customer columns' descriptions and synonyms from {@code wording}. */
    static String yaml(List<TableProfile> tables, Map<String, DraftWording> wording) {
        Map<String, Object> doc = new CatalogDrafter(wording).draft(tables);
        String authors = String.join(", ", wording.values().stream().map(DraftWording::author).distinct().sorted().toList());
        StringBuilder out = new StringBuilder()
                .append("# Drafted by `segment-agent import` from ")
                .append(String.join(", ", tables.stream().map(TableProfile::sourceName).toList()))
                .append(wording.isEmpty() ? "" : ".\n# Descriptions and synonyms of " + wording.size()
                        + " customer columns were written by " + authors + " from column metadata and aggregate stats")
                .append(".\n# Every entry marked draft: true was written by heuristics from column names and data:\n")
                .append("# review descriptions, units, synonyms and enum values, remove `draft: true`, then restart\n")
                .append("# (or re-run eval). A re-import keeps this file while it still fits the data.\n");
        try {
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
            return out.append(mapper.writeValueAsString(doc)).toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the catalog draft: " + e.getMessage(), e);
        }
    }

    Map<String, Object> draft(List<TableProfile> tables) {
        List<Object> tableEntries = new ArrayList<>();
        List<Object> fields = new ArrayList<>();
        List<Object> events = new ArrayList<>();
        for (TableProfile t : tables) {
            tableEntries.add(table(t));
            if (t.role().equals("customers")) {
                for (ColumnProfile c : t.columns()) {
                    if (!c.column().name().equals("customer_id")) {
                        fields.add(customerField(t, c));
                        if (c.column().kind().temporal()) {
                            fields.add(daysSince(t, c));
                        }
                    }
                }
            }
        }
        for (TableProfile t : tables) {
            if (!t.role().equals("customers")) {
                fields.addAll(behaviourFields(t));
                events.add(event(t));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tables", tableEntries);
        doc.put("fields", fields);
        if (!events.isEmpty()) {
            doc.put("events", events);
        }
        return doc;
    }

    private static Map<String, Object> table(TableProfile t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.role());
        String grain = switch (t.role()) {
            case "customers" -> "one row per customer";
            case "orders" -> "one row per order";
            default -> "one row per event";
        };
        m.put("description", "Imported " + t.role() + " from " + t.sourceName() + " (" + t.rows() + " rows), " + grain + ".");
        m.put("grain", grain);
        m.put("customerKey", "customer_id");
        if (t.timeColumn() != null) {
            m.put("timeColumn", t.timeColumn());
        }
        m.put("draft", true);
        return m;
    }

    private Map<String, Object> customerField(TableProfile t, ColumnProfile c) {
        ImportedColumn col = c.column();
        String name = unique(col.name());
        String type = type(c);
        String label = label(col.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("group", "profile");
        m.put("type", type);
        String unit = ColumnWords.unit(col.source(), col.name(), col.kind());
        if (unit != null) {
            m.put("unit", unit);
        }
        m.put("label", label);
        if (type.equals("boolean")) {
            String rest = ColumnWords.expanded(col.name().replaceFirst("^(is|has)_", ""));
            if (col.name().startsWith("has_")) {
                m.put("whenTrue", phrase("has " + rest));
                m.put("whenFalse", phrase("does not have " + rest));
            } else {
                m.put("whenTrue", phrase("is " + rest));
                m.put("whenFalse", phrase("is not " + rest));
            }
        }
        DraftWording written = wording.get(col.name());
        String source = "from column \"" + col.source() + "\" of " + t.sourceName() + " (" + summary(c, unit) + ")";
        m.put("description", written == null
                ? capitalised(label) + " of the customer, " + source + ". Drafted from the data: review."
                : written.description() + " [" + capitalised(source) + ". Written by " + written.author() + ": review.]");
        List<String> synonyms = java.util.stream.Stream.concat(
                        written == null ? java.util.stream.Stream.<String>empty() : written.synonyms().stream(),
                        ColumnWords.synonyms(col.source(), col.name()).stream())
                .filter(s -> !s.equals(name)).distinct().limit(MAX_SYNONYMS).toList();
        if (!synonyms.isEmpty()) {
            m.put("synonyms", synonyms);
        }
        if (type.equals("enum")) {
            m.put("allowedValues", c.values());
        }
        if (personal(col.name())) {
            m.put("pii", true);
        }
        m.put("draft", true);
        m.put("profile", profile(c));
        m.put("derivation", Map.of("column", Map.of("table", "customers", "column", col.name())));
        return m;
    }

    private Map<String, Object> daysSince(TableProfile t, ColumnProfile c) {
        String base = c.column().name().replaceFirst("_(at|on|date|dt|ts|time)$", "");
        String label = "days since " + ColumnWords.expanded(base);
        Map<String, Object> m = derived(unique("days_since_" + base), "profile", "integer", "days", label,
                "Whole days from column \"" + c.column().source() + "\" of " + t.sourceName()
                        + " to the data's as-of date.",
                Map.of("column", Map.of("table", "customers", "column", c.column().name(), "transform", "days_since")));
        m.put("synonyms", List.of(ColumnWords.expanded(base) + " age", "how long since " + ColumnWords.expanded(base)));
        return m;
    }

    /** Per-customer features from a dated table: counts in windows, days since the last row, money if any. */
    private List<Object> behaviourFields(TableProfile t) {
        String noun = t.role().equals("orders") ? "order" : "event";
        String plural = noun + "s";
        List<Object> out = new ArrayList<>();
        out.add(derived(unique(plural + "_total"), t.role(), "integer", plural, plural + " in total",
                "Number of " + plural + " of the customer in " + t.sourceName() + ", all time up to as-of.",
                Map.of("aggregate", Map.of("table", t.role(), "function", "count"))));
        for (int days : WINDOWS) {
            out.add(derived(unique(plural + "_last_" + days + "_days"), t.role(), "integer", plural,
                    plural + " in the last " + days + " days",
                    "Number of " + plural + " of the customer in the " + days + " days before as-of.",
                    Map.of("aggregate", Map.of("table", t.role(), "function", "count", "windowDays", days))));
        }
        out.add(derived(unique("days_since_last_" + noun), t.role(), "integer", "days", "days since the last " + noun,
                "Whole days from the customer's latest " + noun + " (" + t.timeColumn() + ") to as-of; empty when none.",
                Map.of("aggregate", Map.of("table", t.role(), "function", "days_since_last", "column", t.timeColumn()))));
        out.add(derived(unique("days_since_first_" + noun), t.role(), "integer", "days", "days since the first " + noun,
                "Whole days from the customer's first " + noun + " (" + t.timeColumn() + ") to as-of; empty when none.",
                Map.of("aggregate", Map.of("table", t.role(), "function", "days_since_first", "column", t.timeColumn()))));
        if (t.amount() != null) {
            String money = t.role().equals("orders") ? "revenue" : t.amount();
            String unit = amountUnit(t);
            out.add(derived(unique(money + "_total"), t.role(), "decimal", unit, money + " in total",
                    "Sum of " + t.amount() + " over the customer's " + plural + ", all time up to as-of.",
                    Map.of("aggregate", Map.of("table", t.role(), "function", "sum", "column", t.amount()))));
            out.add(derived(unique(money + "_last_365_days"), t.role(), "decimal", unit, money + " in the last 365 days",
                    "Sum of " + t.amount() + " over the customer's " + plural + " in the 365 days before as-of.",
                    Map.of("aggregate", Map.of("table", t.role(), "function", "sum", "column", t.amount(), "windowDays", 365))));
            out.add(derived(unique("average_" + noun + "_" + (money.equals("revenue") ? "value" : money)), t.role(),
                    "decimal", unit, "average " + noun + " " + (money.equals("revenue") ? "value" : money),
                    "Average " + t.amount() + " per " + noun + " of the customer, all time up to as-of.",
                    Map.of("aggregate", Map.of("table", t.role(), "function", "avg", "column", t.amount()))));
        }
        return out;
    }

    private static Map<String, Object> event(TableProfile t) {
        String noun = t.role().equals("orders") ? "order" : "event";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", noun.equals("order") ? "order" : "activity");
        m.put("description", "A row of the imported " + t.role() + " table (" + t.sourceName() + "), dated by "
                + t.timeColumn() + ".");
        m.put("did", noun.equals("order") ? "placed an order" : "had an event");
        m.put("didNot", noun.equals("order") ? "did not place an order" : "had no event");
        m.put("synonyms", noun.equals("order") ? List.of("purchase", "bought", "ordered", "transaction")
                : List.of("activity", "action", "interaction"));
        m.put("table", t.role());
        m.put("timestamp", t.timeColumn());
        List<Object> properties = new ArrayList<>();
        for (ColumnProfile c : t.columns()) {
            if (c.column().kind() == ColumnKind.VARCHAR && !c.values().isEmpty()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", c.column().name());
                p.put("column", c.column().name());
                p.put("type", "enum");
                p.put("allowedValues", c.values());
                p.put("description", capitalised(ColumnWords.expanded(c.column().name())) + " of the " + noun);
                p.put("phrase", "with " + ColumnWords.expanded(c.column().name()) + " {}");
                properties.add(p);
            }
        }
        if (!properties.isEmpty()) {
            m.put("properties", properties);
        }
        if (t.amount() != null) {
            Map<String, Object> measure = new LinkedHashMap<>();
            measure.put("name", "amount");
            measure.put("column", t.amount());
            String unit = amountUnit(t);
            if (unit != null) {
                measure.put("unit", unit);
            }
            measure.put("description", capitalised(ColumnWords.expanded(t.amount())) + " of the " + noun);
            measure.put("label", phrase(noun + " " + ColumnWords.expanded(t.amount())));
            m.put("measures", List.of(measure));
        }
        m.put("draft", true);
        return m;
    }

    private static String amountUnit(TableProfile t) {
        return t.columns().stream().filter(c -> c.column().name().equals(t.amount())).findFirst()
                .map(c -> ColumnWords.unit(c.column().source(), c.column().name(), c.column().kind()))
                .orElse("currency");
    }

    private static Map<String, Object> derived(String name, String group, String type, String unit, String label,
                                               String description, Map<String, Object> derivation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("group", group);
        m.put("type", type);
        if (unit != null) {
            m.put("unit", unit);
        }
        m.put("label", phrase(label));
        m.put("description", description);
        m.put("draft", true);
        m.put("derivation", derivation);
        return m;
    }

    static String type(ColumnProfile c) {
        return switch (c.column().kind()) {
            case BIGINT -> "integer";
            case DOUBLE -> "decimal";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case VARCHAR -> c.values().isEmpty() ? "string" : "enum";
        };
    }

    private static Map<String, Object> profile(ColumnProfile c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", c.rows());
        m.put("nullRate", Math.round(c.nullRate() * 10_000) / 10_000.0);
        m.put("distinct", c.distinct());
        if (c.min() != null) {
            m.put("min", c.min());
            m.put("max", c.max());
        }
        return m;
    }

    private static String summary(ColumnProfile c, String unit) {
        StringBuilder s = new StringBuilder(type(c));
        if (unit != null) {
            s.append(", ").append(unit);
        }
        s.append("; ").append(String.format(Locale.ROOT, "%.1f%%", 100 * c.nullRate())).append(" empty");
        if (!c.values().isEmpty()) {
            s.append("; values ").append(String.join(", ", c.values()));
        } else if (c.min() != null) {
            s.append("; ").append(c.min()).append(" to ").append(c.max());
        } else {
            s.append("; ").append(c.distinct()).append(" distinct");
        }
        return s.toString();
    }

    private static String label(String identifier) {
        return phrase(ColumnWords.expanded(identifier.replaceFirst("^is_", "")));
    }

    /** Fits the catalog's phrase rule: 2..60 characters, no trailing period. */
    private static String phrase(String text) {
        String p = text.strip().replaceAll("\\.+$", "");
        if (p.length() > 60) {
            p = p.substring(0, 60).strip();
        }
        return p.length() < 2 ? p + " value" : p;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String unique(String name) {
        String candidate = name.equals("customer_id") ? "source_customer_id" : name;
        if (candidate.length() > 60) {
            candidate = candidate.substring(0, 60);
        }
        String base = candidate;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = base + "_" + i;
        }
        return candidate;
    }
}
