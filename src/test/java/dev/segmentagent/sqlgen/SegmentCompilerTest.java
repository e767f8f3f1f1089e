package dev.segmentagent.sqlgen;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentResolver;
import dev.segmentagent.testing.FixtureData;
import dev.segmentagent.testing.TestCatalog;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentCompilerTest {

    static final Catalog CATALOG = TestCatalog.catalog();
    static final SegmentCompiler COMPILER = new SegmentCompiler();
    static DuckDbWarehouse warehouse;

    @BeforeAll
    static void open() {
        warehouse = DuckDbWarehouse.inMemory();
        try (Connection c = warehouse.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customer_features (customer_id BIGINT, city VARCHAR, aov_365d DOUBLE)");
            s.execute("INSERT INTO customer_features VALUES (1, 'Berlin', 120.0), (2, NULL, NULL), (3, 'Paris', 40.0)");
            s.execute("INSERT INTO orders VALUES (10, 1, TIMESTAMP '2025-05-31 23:59:59', 'web', 'completed', 10, 0, 10, 1, NULL),"
                    + " (11, 3, TIMESTAMP '2025-06-01 00:00:00', 'web', 'completed', 10, 0, 10, 1, NULL)");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static CompileContext context() {
        return new CompileContext(CATALOG, FixtureData.AS_OF, SegmentResolver.none());
    }

    @Test
    void binds_every_value_as_a_parameter_and_no_literal_reaches_the_sql_text() {
        SegmentDefinition d = SegmentJson.parse(dev.segmentagent.segment.SegmentJsonTest.FULL.replace("{\"type\":\"inSegment\",\"segment\":\"seg-1\"},", ""));

        CompiledSegment compiled = COMPILER.compile(d, context());

        for (String literal : List.of("DE", "FR", "shoes", "ber", "0.7", "high", "Weekend discount hunters", "completed", "web", "100", "25", "34")) {
            assertThat(compiled.sql()).doesNotContain("'" + literal).doesNotContain(literal + "'");
        }
        assertThat(compiled.sql()).doesNotContainPattern("[^a-z_\"]\\d+[^a-z_\"]".replace("\\d+", "(25|34|100|0\\.7|2)"));
        assertThat(compiled.params()).contains("DE", "FR", "shoes", "ber", 0.7, "high", "Weekend discount hunters", 25L, 34L, 100.0);
        assertThat(compiled.sql().chars().filter(ch -> ch == '?').count()).isEqualTo(compiled.params().size());
        assertThat(compiled.relations()).containsExactlyInAnyOrder("customer_features", "order_items", "orders",
                "model_scores", "cluster_assignments");
    }

    @Test
    void resolves_relative_windows_against_as_of_and_clips_absolute_ones() {
        Condition last90 = SegmentJson.parseCondition(node("{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":90}}"));
        Condition absolute = SegmentJson.parseCondition(node("{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"from\":\"2025-05-01\",\"to\":\"2025-07-01\"}}"));

        SqlFragment relative = COMPILER.compilePredicate(last90, context());
        SqlFragment clipped = COMPILER.compilePredicate(absolute, context());

        assertThat(relative.params()).startsWith(LocalDateTime.of(2025, 3, 3, 0, 0), LocalDateTime.of(2025, 6, 1, 0, 0));
        assertThat(clipped.params()).startsWith(LocalDate.of(2025, 5, 1).atStartOfDay(), LocalDateTime.of(2025, 6, 1, 0, 0));
    }

    @Test
    void excludes_events_at_or_after_as_of() {
        Condition purchase = SegmentJson.parseCondition(node("{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":1}}"));

        List<Long> members = executor().members(COMPILER.compile(new SegmentDefinition("p", null, purchase), context()));

        assertThat(members).containsExactly(1L); // customer 3's order is exactly at as-of
    }

    @Test
    void not_of_a_comparison_includes_customers_with_missing_values() {
        Condition city = SegmentJson.parseCondition(node("{\"type\":\"compare\",\"field\":\"city\",\"op\":\"=\",\"value\":\"Berlin\"}"));
        Condition notEqual = SegmentJson.parseCondition(node("{\"type\":\"compare\",\"field\":\"city\",\"op\":\"!=\",\"value\":\"Berlin\"}"));
        Condition neverBought = SegmentJson.parseCondition(node("{\"type\":\"event\",\"event\":\"purchase\",\"did\":false,\"sum\":{\"measure\":\"amount\",\"op\":\">\",\"value\":5}}"));

        assertThat(members(new Condition.Not(city))).containsExactly(2L, 3L);
        assertThat(members(notEqual)).containsExactly(3L);
        assertThat(members(new Condition.Not(new Condition.Not(city)))).containsExactly(1L);
        assertThat(members(neverBought)).containsExactly(2L, 3L);
    }

    @Test
    void sums_amounts_as_the_decimals_they_are_so_a_threshold_on_the_exact_total_holds() {
        // given a customer whose two completed orders add up to exactly 30.30 EUR (10.10 + 20.20; as doubles 30.299999999999997)
        try (DuckDbWarehouse cents = DuckDbWarehouse.inMemory()) {
            try (Connection c = cents.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE customer_features (customer_id BIGINT)");
                s.execute("INSERT INTO customer_features VALUES (1), (2)");
                s.execute("INSERT INTO orders VALUES (1, 1, TIMESTAMP '2025-05-01 10:00:00', 'web', 'completed', 10.10, 0, 10.10, 1, NULL),"
                        + " (2, 1, TIMESTAMP '2025-05-02 10:00:00', 'web', 'completed', 20.20, 0, 20.20, 1, NULL),"
                        + " (3, 2, TIMESTAMP '2025-05-02 10:00:00', 'web', 'completed', 30.29, 0, 30.29, 1, NULL)");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            SegmentExecutor executor = new SegmentExecutor(cents, SqlPolicy.forCatalog(CATALOG));

            // when thresholds sit exactly on that total
            // then "spent at least / exactly / at most 30.30" include the customer, "more than 30.30" does not
            for (String op : List.of(">=", "=", "<=")) {
                Condition spent = SegmentJson.parseCondition(node("{\"type\":\"event\",\"event\":\"purchase\","
                        + "\"sum\":{\"measure\":\"amount\",\"op\":\"" + op + "\",\"value\":30.30}}"));
                List<Long> members = executor.members(COMPILER.compile(new SegmentDefinition("s", null, spent), context()));
                assertThat(members).as(op).contains(1L);
            }
            Condition more = SegmentJson.parseCondition(node("{\"type\":\"event\",\"event\":\"purchase\","
                    + "\"sum\":{\"measure\":\"amount\",\"op\":\">\",\"value\":30.30}}"));
            assertThat(executor.members(COMPILER.compile(new SegmentDefinition("s", null, more), context()))).isEmpty();
        }
    }

    @Test
    void contains_is_case_insensitive_and_bound() {
        Condition c = SegmentJson.parseCondition(node("{\"type\":\"compare\",\"field\":\"city\",\"op\":\"contains\",\"value\":\"BER\"}"));

        assertThat(COMPILER.compilePredicate(c, context()).sql()).isEqualTo("COALESCE(contains(lower(f.\"city\"), lower(?)), FALSE)");
        assertThat(members(c)).containsExactly(1L);
    }

    @Test
    void inlines_referenced_segments_and_rejects_cycles() {
        SegmentResolver segments = SegmentResolver.of(Map.of(
                "berlin", new SegmentDefinition("b", null, SegmentJson.parseCondition(node("{\"type\":\"compare\",\"field\":\"city\",\"op\":\"=\",\"value\":\"Berlin\"}"))),
                "a", new SegmentDefinition("a", null, new Condition.InSegment("b")),
                "b", new SegmentDefinition("b", null, new Condition.InSegment("a"))));
        CompileContext ctx = new CompileContext(CATALOG, FixtureData.AS_OF, segments);

        SqlFragment inlined = COMPILER.compilePredicate(new Condition.InSegment("berlin"), ctx);

        assertThat(inlined.sql()).isEqualTo("(COALESCE(f.\"city\" = ?, FALSE))");
        assertThatThrownBy(() -> COMPILER.compilePredicate(new Condition.InSegment("a"), ctx))
                .isInstanceOf(SegmentCompileException.class).hasMessage("segments refer to each other in a cycle: a uses b uses a");
    }

    @Test
    void refuses_what_it_cannot_compile_instead_of_dropping_it() {
        assertThatThrownBy(() -> COMPILER.compilePredicate(new Condition.And(List.of()), context())).isInstanceOf(SegmentCompileException.class);
        assertThatThrownBy(() -> COMPILER.compilePredicate(new Condition.IsNull("nope"), context())).isInstanceOf(SegmentCompileException.class);
        assertThatThrownBy(() -> COMPILER.compilePredicate(new Condition.IsNull("email"), context())).isInstanceOf(SegmentCompileException.class);
        assertThatThrownBy(() -> COMPILER.compile(new SegmentDefinition("x", null, null), context())).isInstanceOf(SegmentCompileException.class);
    }

    @Test
    void refuses_catalog_identifiers_outside_the_safe_pattern() {
        FieldSpec evil = new FieldSpec("x\" OR 1=1 --", "g", FieldType.INTEGER, null, "evil", null, null, false, false, null, null, null, null, null);
        Catalog catalog = new Catalog(CATALOG.tables(), List.of(evil), CATALOG.events(), CATALOG.models(), List.of());

        assertThatThrownBy(() -> COMPILER.compilePredicate(new Condition.IsNull(evil.name()),
                new CompileContext(catalog, FixtureData.AS_OF, null)))
                .isInstanceOf(SegmentCompileException.class).hasMessageContaining("refusing identifier");
    }

    List<Long> members(Condition c) {
        return executor().members(COMPILER.compile(new SegmentDefinition("t", null, c), context()));
    }

    static SegmentExecutor executor() {
        return new SegmentExecutor(warehouse, SqlPolicy.forCatalog(CATALOG));
    }

    static com.fasterxml.jackson.databind.JsonNode node(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
