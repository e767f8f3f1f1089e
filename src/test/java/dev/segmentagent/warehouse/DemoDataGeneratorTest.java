package dev.segmentagent.warehouse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.segmentagent.warehouse.WarehouseSql.fingerprint;
import static dev.segmentagent.warehouse.WarehouseSql.number;
import static dev.segmentagent.warehouse.WarehouseSql.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Determinism, table contents and consistency of the generated demo data. */
class DemoDataGeneratorTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);
    private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults(42).withCustomers(3_000);
    private static DuckDbWarehouse warehouse;
    private static GenerationReport report;

    @BeforeAll
    static void generateOnce() {
        warehouse = DuckDbWarehouse.inMemory();
        report = new DemoDataGenerator(FIXED, 2).generate(warehouse, OPTIONS, ProgressReporter.silent());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void same_seed_produces_identical_data_whatever_the_thread_count() {
        // given two warehouses generated with the same options, on one and on three worker threads
        GeneratorOptions options = GeneratorOptions.defaults(7).withCustomers(2_000);
        try (DuckDbWarehouse first = DuckDbWarehouse.inMemory(); DuckDbWarehouse second = DuckDbWarehouse.inMemory()) {
            new DemoDataGenerator(FIXED, 1).generate(first, options, ProgressReporter.silent());
            new DemoDataGenerator(FIXED, 3).generate(second, options, ProgressReporter.silent());

            // then every generated table has the same rows, ids included
            for (String table : DemoDataGenerator.GENERATED_TABLES) {
                assertThat(fingerprint(second, table)).as(table).isEqualTo(fingerprint(first, table));
            }
        }
    }

    @Test
    void different_seed_produces_different_data() {
        // given the same options but another seed
        try (DuckDbWarehouse other = DuckDbWarehouse.inMemory()) {
            new DemoDataGenerator(FIXED, 2).generate(other, GeneratorOptions.defaults(43).withCustomers(3_000),
                    ProgressReporter.silent());

            // then the behavioural tables differ
            for (String table : new String[] {"customers", "orders", "order_items", "web_events", "email_messages"}) {
                assertThat(fingerprint(other, table)).as(table).isNotEqualTo(fingerprint(warehouse, table));
            }
        }
    }

    @Test
    void regenerating_replaces_the_previous_data() {
        // given a warehouse generated twice, first with more customers
        try (DuckDbWarehouse twice = DuckDbWarehouse.inMemory()) {
            DemoDataGenerator generator = new DemoDataGenerator(FIXED, 2);
            generator.generate(twice, GeneratorOptions.defaults(42).withCustomers(4_000), ProgressReporter.silent());
            generator.generate(twice, OPTIONS, ProgressReporter.silent());

            // then it equals a single generation
            for (String table : DemoDataGenerator.GENERATED_TABLES) {
                assertThat(fingerprint(twice, table)).as(table).isEqualTo(fingerprint(warehouse, table));
            }
        }
    }

    @Test
    void has_data_tells_an_empty_warehouse_from_a_generated_one() {
        try (DuckDbWarehouse empty = DuckDbWarehouse.inMemory()) {
            DemoDataGenerator generator = new DemoDataGenerator(FIXED, 1);
            assertThat(generator.hasData(empty)).isFalse();
            assertThat(generator.generateIfEmpty(empty, GeneratorOptions.defaults(1).withCustomers(50),
                    ProgressReporter.silent())).isPresent();
            assertThat(generator.hasData(empty)).isTrue();
            assertThat(generator.generateIfEmpty(empty, GeneratorOptions.defaults(1).withCustomers(50),
                    ProgressReporter.silent())).isEmpty();
        }
    }

    @Test
    void report_counts_match_the_tables() {
        for (String table : DemoDataGenerator.GENERATED_TABLES) {
            assertThat(report.rows(table)).as(table).isEqualTo((long) number(warehouse, "SELECT count(*) FROM " + table));
        }
        assertThat(report.rows("customers")).isEqualTo(3_000);
        assertThat(report.elapsed()).isPositive();
    }

    @Test
    void volumes_per_customer_are_in_the_intended_range() {
        double customers = report.rows("customers");
        assertThat(report.rows("web_events") / customers).isBetween(14.0, 30.0);
        assertThat(report.rows("orders") / customers).isBetween(3.5, 6.5);
        assertThat(report.rows("order_items") / (double) report.rows("orders")).isBetween(1.5, 2.1);
        assertThat(report.rows("email_messages") / customers).isBetween(8.0, 18.0);
        assertThat(report.rows("sms_messages") / customers).isBetween(0.5, 6.0);
        assertThat(report.rows("support_tickets") / customers).isBetween(0.02, 0.5);
    }

    @Test
    void warehouse_meta_describes_the_generation() {
        assertThat(text(warehouse, "SELECT value FROM warehouse_meta WHERE key = 'as_of'")).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(text(warehouse, "SELECT value FROM warehouse_meta WHERE key = 'seed'")).isEqualTo("42");
        assertThat(text(warehouse, "SELECT value FROM warehouse_meta WHERE key = 'customers'")).isEqualTo("3000");
        assertThat(text(warehouse, "SELECT value FROM warehouse_meta WHERE key = 'generated_at'")).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(text(warehouse, "SELECT value FROM warehouse_meta WHERE key = 'source'")).isEqualTo("demo");
    }

    @Test
    void ids_are_unique_and_every_row_belongs_to_a_customer() {
        assertThat(number(warehouse, "SELECT count(*) - count(DISTINCT customer_id) FROM customers")).isZero();
        for (String[] tableAndId : new String[][] {{"orders", "order_id"}, {"web_events", "event_id"},
                {"email_messages", "message_id"}, {"sms_messages", "message_id"}, {"support_tickets", "ticket_id"},
                {"planted_personas", "customer_id"}, {"order_items", "order_id || '-' || line_no"}}) {
            assertThat(number(warehouse, "SELECT count(*) - count(DISTINCT " + tableAndId[1] + ") FROM " + tableAndId[0]))
                    .as(tableAndId[0]).isZero();
            assertThat(number(warehouse, "SELECT count(*) FROM " + tableAndId[0]
                    + " x WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = x.customer_id)"))
                    .as(tableAndId[0]).isZero();
        }
    }

    @Test
    void order_amounts_and_lines_are_consistent() {
        assertThat(number(warehouse, "SELECT count(*) FROM orders WHERE abs(net_amount - (gross_amount - discount_amount)) > 0.005"
                + " OR gross_amount <= 0 OR discount_amount < 0")).isZero();
        assertThat(number(warehouse, "SELECT count(*) FROM orders WHERE (discount_amount > 0) <> (coupon_code IS NOT NULL)")).isZero();
        // every order has lines; lines agree with their order on customer, time, units, gross and discount rate
        assertThat(number(warehouse, """
                SELECT count(*) FROM orders o LEFT JOIN (
                    SELECT order_id, count(*) AS lines, sum(quantity) AS units, sum(unit_price * quantity) AS gross,
                           min(customer_id) AS cmin, max(customer_id) AS cmax, min(ordered_at) AS tmin, max(ordered_at) AS tmax,
                           min(discount_pct) AS pmin, max(discount_pct) AS pmax
                    FROM order_items GROUP BY order_id) i USING (order_id)
                WHERE i.lines IS NULL OR i.lines < 1 OR i.units <> o.item_count OR abs(i.gross - o.gross_amount) > 0.005
                   OR i.cmin <> o.customer_id OR i.cmax <> o.customer_id OR i.tmin <> o.ordered_at OR i.tmax <> o.ordered_at
                   OR i.pmin <> i.pmax OR abs(o.gross_amount * i.pmin - o.discount_amount) > 0.006
                """)).isZero();
        assertThat(number(warehouse, "SELECT count(*) FROM order_items oi WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = oi.order_id)")).isZero();
    }

    @Test
    void every_timestamp_lies_between_signup_and_as_of() {
        String asOf = "TIMESTAMP '2026-11-01 00:00:00'";
        String[][] times = {
                {"orders", "ordered_at"}, {"order_items", "ordered_at"}, {"web_events", "occurred_at"},
                {"email_messages", "sent_at"}, {"email_messages", "opened_at"}, {"email_messages", "clicked_at"},
                {"email_messages", "unsubscribed_at"}, {"sms_messages", "sent_at"}, {"sms_messages", "clicked_at"},
                {"sms_messages", "opted_out_at"}, {"support_tickets", "opened_at"}, {"support_tickets", "resolved_at"},
                {"planted_personas", "churned_at"}};
        for (String[] column : times) {
            assertThat(number(warehouse, "SELECT count(*) FROM " + column[0] + " x JOIN customers c USING (customer_id) WHERE x."
                    + column[1] + " >= " + asOf + " OR x." + column[1] + " < c.signup_at"))
                    .as(column[0] + "." + column[1]).isZero();
        }
        assertThat(number(warehouse, "SELECT count(*) FROM customers WHERE signup_at >= " + asOf)).isZero();
        assertThat(number(warehouse, "SELECT count(*) FROM email_messages WHERE opened_at < sent_at OR clicked_at < opened_at"
                + " OR (clicked_at IS NOT NULL AND opened_at IS NULL)")).isZero();
        assertThat(number(warehouse, "SELECT count(*) FROM support_tickets WHERE resolved_at <= opened_at")).isZero();
    }

    @Test
    void sessions_open_with_session_start_and_carry_products_where_they_should() {
        assertThat(number(warehouse, """
                SELECT count(*) FROM (
                    SELECT session_id, arg_min(event_type, event_id) AS first_type, count(DISTINCT customer_id) AS owners
                    FROM web_events GROUP BY session_id)
                WHERE first_type <> 'session_start' OR owners <> 1
                """)).isZero();
        assertThat(number(warehouse, "SELECT count(*) FROM web_events WHERE event_type IN ('product_view', 'add_to_cart')"
                + " AND (category IS NULL OR product_id IS NULL)")).isZero();
        assertThat(number(warehouse, "SELECT count(*) FROM web_events WHERE event_type = 'search' AND search_term IS NULL")).isZero();
        assertThat(number(warehouse, "SELECT count(*) FROM web_events WHERE event_type NOT IN ('product_view', 'add_to_cart')"
                + " AND category IS NOT NULL")).isZero();
    }

    @Test
    void messages_go_only_to_consenting_customers() {
        assertThat(number(warehouse, "SELECT count(*) FROM email_messages JOIN customers USING (customer_id) WHERE NOT email_consent")).isZero();
        assertThat(number(warehouse, "SELECT count(*) FROM sms_messages JOIN customers USING (customer_id) WHERE NOT sms_consent")).isZero();
    }

    @Test
    void demographics_are_plausible() {
        assertThat(number(warehouse, "SELECT min(date_diff('year', birth_date, DATE '2026-11-01')) FROM customers")).isGreaterThanOrEqualTo(18);
        assertThat(number(warehouse, "SELECT max(date_diff('year', birth_date, DATE '2026-11-01')) FROM customers")).isLessThanOrEqualTo(86);
        assertThat(number(warehouse, "SELECT count(DISTINCT country) FROM customers")).isEqualTo(10);
        assertThat(number(warehouse, "SELECT avg(email_consent::INT) FROM customers")).isBetween(0.6, 0.8);
        assertThat(number(warehouse, "SELECT avg(sms_consent::INT) FROM customers")).isBetween(0.3, 0.4);
        // signups grow: the second year brings more than the first
        assertThat(number(warehouse, "SELECT count(*) FILTER (signup_at >= TIMESTAMP '2025-11-01') * 1.0 / count(*) FROM customers"))
                .isGreaterThan(0.55);
        // loyalty follows spend
        assertThat(number(warehouse, """
                SELECT avg(CASE WHEN loyalty_tier IN ('gold', 'platinum') THEN spend END)
                     / avg(CASE WHEN loyalty_tier = 'none' THEN spend END)
                FROM customers c JOIN (SELECT customer_id, sum(net_amount) AS spend FROM orders GROUP BY ALL) USING (customer_id)
                """)).isGreaterThan(3);
    }
}
