package dev.segmentagent.sqlgen;

import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentJsonTest;
import dev.segmentagent.segment.SegmentResolver;
import dev.segmentagent.testing.FixtureData;
import dev.segmentagent.testing.TestCatalog;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlPolicyTest {

    static DuckDbWarehouse warehouse;
    static final SqlPolicy POLICY = SqlPolicy.forCatalog(TestCatalog.catalog());

    @BeforeAll
    static void open() {
        warehouse = FixtureData.create(1, 5);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DELETE FROM orders",
            "DROP TABLE orders",
            "COPY orders TO 'out.csv'",
            "ATTACH 'other.db' AS other",
            "INSERT INTO orders SELECT * FROM orders",
            "UPDATE customer_features SET age = 1",
            "CREATE TABLE x AS SELECT 1",
            "PRAGMA database_list",
            "SET enable_external_access = true",
            "SELECT 1; DROP TABLE orders",
            "SELECT 1; SELECT 2",
            "SELECT * FROM read_csv('/etc/passwd')",
            "SELECT * FROM customer_features WHERE customer_id IN (SELECT id FROM read_parquet('x.parquet'))",
            "SELECT * FROM 'data.csv'",
            "SELECT * FROM customers_secret",
            "SELECT * FROM planted_personas",
            "SELECT * FROM other.main.orders",
            "SELECT * FROM information_schema.tables",
            "SELECT * FROM duckdb_settings()",
            "WITH orders AS (SELECT 1 AS customer_id) SELECT * FROM orders",
            "SELECT getenv('HOME')",
            "SELECT * FROM customer_features UNION SELECT * FROM customer_features",
            "SELEC broken"
    })
    void rejects_statements_that_are_not_a_plain_select_over_allowed_tables(String sql) {
        assertThatThrownBy(() -> POLICY.check(warehouse, sql)).isInstanceOf(PolicyViolationException.class);
    }

    @Test
    void accepts_compiled_segments() {
        var compiled = new SegmentCompiler().compile(SegmentJson.parse(SegmentJsonTest.FULL.replace("{\"type\":\"inSegment\",\"segment\":\"seg-1\"},", "")),
                new CompileContext(TestCatalog.catalog(), FixtureData.AS_OF, SegmentResolver.none()));

        assertThatCode(() -> POLICY.check(warehouse, compiled.sql())).doesNotThrowAnyException();
        assertThatCode(() -> POLICY.check(warehouse, "SELECT count(*) FROM (" + compiled.sql() + ") AS segment")).doesNotThrowAnyException();
    }
}
