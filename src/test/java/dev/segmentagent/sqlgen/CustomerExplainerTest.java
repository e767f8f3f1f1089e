package dev.segmentagent.sqlgen;

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

import static org.assertj.core.api.Assertions.assertThat;

class CustomerExplainerTest {

    static DuckDbWarehouse warehouse;
    static final CompileContext CONTEXT = new CompileContext(TestCatalog.catalog(), FixtureData.AS_OF, SegmentResolver.none());

    @BeforeAll
    static void open() throws Exception {
        warehouse = DuckDbWarehouse.inMemory();
        try (Connection c = warehouse.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customer_features (customer_id BIGINT, orders_90d BIGINT, city VARCHAR)");
            s.execute("INSERT INTO customer_features VALUES (1, 4, 'Berlin'), (2, 0, NULL)");
            s.execute("INSERT INTO orders VALUES (1, 1, TIMESTAMP '2025-05-01 10:00', 'web', 'completed', 50, 0, 50, 1, NULL),"
                    + " (2, 1, TIMESTAMP '2025-05-20 10:00', 'app', 'completed', 25.5, 0, 25.5, 1, NULL),"
                    + " (3, 1, TIMESTAMP '2025-05-21 10:00', 'app', 'cancelled', 99, 0, 99, 1, NULL),"
                    + " (4, 1, TIMESTAMP '2024-01-01 10:00', 'web', 'completed', 70, 0, 70, 1, NULL)");
            s.execute("INSERT INTO model_scores VALUES ('churn', 1, 0.8, 'high', 'v1')");
        }
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void explains_each_leaf_with_the_values_it_was_decided_on_in_one_query() {
        SegmentDefinition d = SegmentJson.parse("{\"name\":\"x\",\"condition\":{\"type\":\"and\",\"conditions\":["
                + "{\"type\":\"compare\",\"field\":\"orders_90d\",\"op\":\">=\",\"value\":3},"
                + "{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":90},\"count\":{\"op\":\">=\",\"value\":3},"
                + "\"sum\":{\"measure\":\"amount\",\"op\":\">\",\"value\":10}},"
                + "{\"type\":\"not\",\"condition\":{\"type\":\"score\",\"model\":\"churn\",\"tier\":\"high\"}}]}}");

        CustomerExplainer.CustomerExplanation one = new CustomerExplainer(warehouse, SqlPolicy.forCatalog(TestCatalog.catalog()))
                .explain(d, 1, CONTEXT);

        assertThat(one.found()).isTrue();
        assertThat(one.member()).isFalse();
        assertThat(one.leaves()).extracting(CustomerExplainer.LeafOutcome::path)
                .containsExactly("$.condition.conditions[0]", "$.condition.conditions[1]", "$.condition.conditions[2].condition");
        assertThat(one.leaves().get(0).held()).isTrue();
        assertThat(one.leaves().get(0).actual()).containsEntry("orders_90d", 4L);
        assertThat(one.leaves().get(1).held()).isFalse();
        assertThat(one.leaves().get(1).actual()).containsEntry("count", 2L).containsEntry("sum", 75.5);
        assertThat(one.leaves().get(2).held()).isTrue();
        assertThat(one.leaves().get(2).actual()).containsEntry("tier", "high");
        assertThat(one.leaves().get(1).phrase()).isEqualTo("who placed an order in the last 90 days, at least 3 times, with net order value totalling more than €10");
    }

    @Test
    void reports_a_customer_without_features_as_not_found() {
        SegmentDefinition d = SegmentJson.parse("{\"name\":\"x\",\"condition\":{\"type\":\"isNull\",\"field\":\"city\"}}");

        var missing = new CustomerExplainer(warehouse, SqlPolicy.forCatalog(TestCatalog.catalog())).explain(d, 99, CONTEXT);
        var two = new CustomerExplainer(warehouse, SqlPolicy.forCatalog(TestCatalog.catalog())).explain(d, 2, CONTEXT);

        assertThat(missing.found()).isFalse();
        assertThat(two.member()).isTrue();
        assertThat(two.leaves().get(0).actual()).containsEntry("city", null);
    }

    @Test
    void pages_members_in_customer_id_order_with_the_total() {
        var compiled = new SegmentCompiler().compile(SegmentJson.parse("{\"name\":\"x\",\"condition\":{\"type\":\"compare\",\"field\":\"orders_90d\",\"op\":\">=\",\"value\":0}}"), CONTEXT);
        var executor = new SegmentExecutor(warehouse, SqlPolicy.forCatalog(TestCatalog.catalog()));

        var page = executor.page(compiled, 1, 1);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.members()).containsExactly(2L);
        assertThat(executor.count(compiled)).isEqualTo(2);
    }
}
