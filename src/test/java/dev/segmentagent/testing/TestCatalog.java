package dev.segmentagent.testing;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.Derivation;
import dev.segmentagent.catalog.Derivation.AggregateFunction;
import dev.segmentagent.catalog.Derivation.FilterOp;
import dev.segmentagent.catalog.Derivation.RowFilter;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.EventSpec.EventMeasure;
import dev.segmentagent.catalog.EventSpec.EventProperty;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;
import dev.segmentagent.catalog.FieldWording;
import dev.segmentagent.catalog.ModelSpec;
import dev.segmentagent.catalog.TableSpec;

import java.util.List;
import java.util.Map;

/**
 * A small catalog for the segment and sqlgen tests, independent of the real catalog YAML. Its
 * customer_features columns are created by {@link FixtureData}.
 */
public final class TestCatalog {

    public static final List<String> COUNTRIES = List.of("DE", "FR", "IT", "ES", "NL");
    public static final List<String> GENDERS = List.of("female", "male", "other", "unknown");
    public static final List<String> TIERS = List.of("none", "silver", "gold", "platinum");
    public static final List<String> CATEGORIES = List.of("apparel", "shoes", "beauty", "electronics", "home");
    public static final List<String> CHANNELS = List.of("web", "app", "store");
    public static final List<String> CITIES = List.of("Berlin", "Paris", "Milano", "Madrid", "Amsterdam", "Köln", "Lyon");
    public static final List<String> CLUSTERS = List.of("Weekend discount hunters", "Loyal regulars", "Window shoppers");

    private TestCatalog() {}

    public static Catalog catalog() {
        List<TableSpec> tables = List.of(
                new TableSpec("customers", "one row per customer", "customer", "customer_id"),
                new TableSpec("orders", "one row per order", "order", "customer_id"),
                new TableSpec("order_items", "one row per order line", "order line", "customer_id"),
                new TableSpec("web_events", "one row per web event", "event", "customer_id"));
        List<FieldSpec> fields = List.of(
                worded(field("orders_90d", "monetary", FieldType.INTEGER, "orders", "Number of completed orders placed in the last 90 days.",
                        List.of("recent orders", "order count"), List.of(), 0.0, null,
                        new Derivation.Aggregate("orders", AggregateFunction.COUNT, "order_id", List.of(), 90)),
                        new FieldWording("completed orders in the last 90 days", "placed", null, null, Map.of())),
                field("orders_365d", "monetary", FieldType.INTEGER, "orders", "Number of completed orders placed in the last 365 days.",
                        List.of("orders last year"), List.of(), 0.0, null,
                        new Derivation.Aggregate("orders", AggregateFunction.COUNT, "order_id", List.of(), 365)),
                deprecated("orders_total_old", "orders_365d"),
                field("aov_365d", "monetary", FieldType.DECIMAL, "EUR", "Average order value over the last 365 days.",
                        List.of("average basket", "basket size"), List.of(), 0.0, null, null),
                field("total_spend_365d", "monetary", FieldType.DECIMAL, "EUR", "Total net spend over the last 365 days.",
                        List.of("spend", "revenue", "money spent"), List.of(), 0.0, null, null),
                worded(field("email_open_rate_30d", "engagement", FieldType.DECIMAL, "ratio",
                        "Email open rate in the last 30 days (opened / sent, 0..1).",
                        List.of("open rate", "email engagement"), List.of(), 0.0, 1.0, null),
                        new FieldWording("email open rate in the last 30 days", null, null, null, Map.of())),
                field("email_click_rate_30d", "engagement", FieldType.DECIMAL, "ratio",
                        "Email click rate in the last 30 days (clicked / sent, 0..1).",
                        List.of("click rate"), List.of(), 0.0, 1.0, null),
                field("age", "demographics", FieldType.INTEGER, "years", "Age in whole years.",
                        List.of("years old"), List.of(), 0.0, 120.0, null),
                new FieldSpec("country", "demographics", FieldType.ENUM, null, "Country of residence (ISO code).",
                        List.of("market"), COUNTRIES, true, true, null, List.of(), null, null, null),
                new FieldSpec("email", "contact", FieldType.STRING, null, "Email address.",
                        List.of(), List.of(), true, false, null, List.of(), null, null, null),
                field("gender", "demographics", FieldType.ENUM, null, "Self-declared gender.", List.of(), GENDERS, null, null, null),
                worded(field("loyalty_tier", "loyalty", FieldType.ENUM, null, "Loyalty programme tier.", List.of("loyalty level"), TIERS, null, null, null),
                        new FieldWording("loyalty tier", null, null, null, Map.of("none", "none (not a member)"))),
                field("city", "demographics", FieldType.STRING, null, "City of residence.", List.of("town"), List.of(), null, null, null),
                worded(field("email_consent", "consent", FieldType.BOOLEAN, null, "Agreed to receive marketing email.",
                        List.of("newsletter opt-in"), List.of(), null, null, null),
                        new FieldWording("marketing email consent", null, "agreed to marketing email",
                                "did not agree to marketing email", Map.of())),
                field("signup_date", "lifecycle", FieldType.DATE, null, "Day the customer signed up.", List.of("joined"), List.of(), null, null, null),
                field("last_order_at", "lifecycle", FieldType.TIMESTAMP, null, "Time of the latest order.", List.of("last purchase"), List.of(), null, null, null));
        List<EventSpec> events = List.of(
                new EventSpec("purchase", "Placed a completed order.", List.of("order", "bought"), "orders", "ordered_at",
                        List.of(new RowFilter("status", FilterOp.EQ, List.of("completed"))),
                        List.of(new EventProperty("channel", "channel", FieldType.ENUM, "Where the order was placed.", CHANNELS,
                                        null, "via {}", null),
                                new EventProperty("coupon_code", "coupon_code", FieldType.STRING, "Coupon used, if any.", List.of()),
                                new EventProperty("item_count", "item_count", FieldType.INTEGER, "Items in the order.", List.of(),
                                        "item count", null, null)),
                        List.of(new EventMeasure("amount", "net_amount", "EUR", "Net order value.", "net order value"),
                                new EventMeasure("items", "item_count", "items", "Items in the order.")),
                        "placed an order", "did not place an order"),
                new EventSpec("weekend_purchase", "Placed an order on a Saturday or Sunday.", List.of("weekend order"), "orders", "ordered_at",
                        List.of(new RowFilter("ordered_at", FilterOp.WEEKEND, List.of())),
                        List.of(new EventProperty("channel", "channel", FieldType.ENUM, "Where the order was placed.", CHANNELS)),
                        List.of(new EventMeasure("amount", "net_amount", "EUR", "Net order value."))),
                new EventSpec("purchased_item", "Bought an item.", List.of("bought item"), "order_items", "ordered_at", List.of(),
                        List.of(new EventProperty("category", "category", FieldType.ENUM, "Product category.", CATEGORIES,
                                        null, "in the {} category", null),
                                new EventProperty("unit_price", "unit_price", FieldType.DECIMAL, "List price.", List.of())),
                        List.of(new EventMeasure("quantity", "quantity", "items", "Units bought."),
                                new EventMeasure("spend", "unit_price", "EUR", "List price per line.", "spend")),
                        "bought an item", "did not buy an item"),
                new EventSpec("product_view", "Viewed a product page.", List.of("viewed"), "web_events", "occurred_at",
                        List.of(new RowFilter("event_type", FilterOp.IN, List.of("product_view"))),
                        List.of(new EventProperty("category", "category", FieldType.ENUM, "Product category.", CATEGORIES),
                                new EventProperty("platform", "platform", FieldType.ENUM, "Device platform.", List.of("web", "ios", "android"))),
                        List.of()));
        List<ModelSpec> models = List.of(
                new ModelSpec("churn", ModelSpec.Kind.SCORE, "Probability of no order in the next 90 days.", List.of("churn risk"), List.of("high", "medium", "low")),
                new ModelSpec("purchase_propensity", ModelSpec.Kind.SCORE, "Probability of an order in the next 30 days.", List.of("likely to buy"), List.of("high", "medium", "low")),
                new ModelSpec("behaviour", ModelSpec.Kind.CLUSTER, "Behavioural clusters (k-means).", List.of("persona"), List.of()));
        return new Catalog(tables, fields, events, models, List.of());
    }

    private static FieldSpec field(String name, String group, FieldType type, String unit, String description,
                                   List<String> synonyms, List<String> allowed, Double min, Double max, Derivation derivation) {
        return new FieldSpec(name, group, type, unit, description, synonyms, allowed, false, false, null, List.of(),
                min, max, derivation);
    }

    /** The same field with explanation wording, as the shipped catalog gives every field. */
    private static FieldSpec worded(FieldSpec f, FieldWording wording) {
        return new FieldSpec(f.name(), f.group(), f.type(), f.unit(), f.description(), f.synonyms(), f.allowedValues(),
                f.pii(), f.piiConditionAllowed(), f.deprecatedUse(), f.lookAlikes(), f.min(), f.max(), f.derivation(), wording);
    }

    private static FieldSpec deprecated(String name, String replacement) {
        return new FieldSpec(name, "monetary", FieldType.INTEGER, "orders", "Old lifetime order count.", List.of(), List.of(),
                false, false, replacement, List.of(), null, null, null);
    }
}
