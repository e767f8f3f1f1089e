package dev.segmentagent.sqlgen;

import dev.segmentagent.segment.DefinitionFormatException;
import dev.segmentagent.segment.DefinitionValidator;
import dev.segmentagent.segment.ProfileLookup;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentResolver;
import dev.segmentagent.segment.ValidationContext;
import dev.segmentagent.segment.ValidationResult;
import dev.segmentagent.testing.FixtureData;
import dev.segmentagent.testing.TestCatalog;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile definitions go through the whole pipeline (parse → validate → compile → policy → run). Each must
 * be stopped with a clear error at the expected stage or be bound safely; whatever compiles is also run
 * (defence in depth: as if validation had been skipped), and the database checksum never changes.
 */
class HostileInputTest {

    enum Stage { PARSER, VALIDATOR, BOUND }

    static final String DROP = "'; DROP TABLE customers; --";
    static DuckDbWarehouse warehouse;
    static Map<String, String> checksumBefore;

    @BeforeAll
    static void open() {
        warehouse = FixtureData.create(7, 60);
        checksumBefore = FixtureData.checksum(warehouse);
    }

    @AfterAll
    static void close() {
        assertThat(FixtureData.checksum(warehouse)).isEqualTo(checksumBefore);
        warehouse.close();
    }

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        // rejected by the parser
        cases.add(parser("nested 50 levels deep", nested(50)));
        cases.add(parser("100k values in an in list", "{\"type\":\"in\",\"field\":\"country\",\"values\":[" + String.join(",", Collections.nCopies(100_000, "\"DE\"")) + "]}"));
        cases.add(parser("NaN", cmp("aov_365d", "=", "NaN")));
        cases.add(parser("Infinity", cmp("aov_365d", "=", "Infinity")));
        cases.add(parser("1e308", cmp("aov_365d", ">", "1e308")));
        cases.add(parser("1e20 count", "{\"type\":\"event\",\"event\":\"purchase\",\"count\":{\"op\":\">\",\"value\":1e20}}"));
        cases.add(parser("NUL byte in a value", cmp("city", "=", "\"Ber\\u0000lin\"")));
        cases.add(parser("NUL byte in a field", "{\"type\":\"isNull\",\"field\":\"city\\u0000; DROP TABLE orders\"}"));
        cases.add(parser("escape character in a value", cmp("city", "=", "\"\\u001b[31mred\"")));
        cases.add(parser("unknown node type", "{\"type\":\"sql\",\"query\":\"DROP TABLE orders\"}"));
        cases.add(parser("node type with SQL", "{\"type\":\"compare; DROP TABLE orders\",\"field\":\"age\"}"));
        cases.add(parser("unknown property with SQL", "{\"type\":\"isNull\",\"field\":\"city\",\"sql\":\"DROP TABLE orders\"}"));
        cases.add(parser("operator with SQL", cmp("age", "\"= 1 OR 1=1 --\"".replace("\"", ""), "1")));
        cases.add(parser("object literal", cmp("age", "=", "{\"$gt\":1}")));
        cases.add(parser("array literal", cmp("age", "=", "[1,2]")));
        cases.add(parser("10k character string", cmp("city", "=", "\"" + "A".repeat(10_000) + "\"")));
        cases.add(parser("duplicate keys", "{\"type\":\"isNull\",\"field\":\"city\",\"field\":\"email\"}"));
        cases.add(parser("300 nodes", "{\"type\":\"or\",\"conditions\":[" + String.join(",", Collections.nCopies(300, "{\"type\":\"isNull\",\"field\":\"city\"}")) + "]}"));
        cases.add(parser("lastDays as SQL text", "{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":\"90; DROP TABLE orders\"}}"));
        cases.add(parser("from date with SQL", "{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"from\":\"2024-01-01' OR '1'='1\"}}"));
        // rejected by the validator (and, where it compiles at all, still bound)
        cases.add(validator("field name with SQL", cmp("orders_90d; drop table x", ">", "1")));
        cases.add(validator("homoglyph field name (Cyrillic o)", cmp("\u043erders_90d", ">", "1")));
        cases.add(validator("zero-width space in field name", cmp("orders_90d\u200B", ">", "1")));
        cases.add(validator("RTL override in field name", cmp("\u202Eorders_90d", ">", "1")));
        cases.add(validator("quoted identifier escape in field", cmp("orders_90d\\\" OR 1=1 --", ">", "1")));
        cases.add(validator("event name with SQL", "{\"type\":\"event\",\"event\":\"purchase' OR '1'='1\"}"));
        cases.add(validator("event property with SQL", "{\"type\":\"event\",\"event\":\"purchased_item\",\"where\":[{\"property\":\"category; DELETE FROM orders\",\"op\":\"=\",\"value\":\"shoes\"}]}"));
        cases.add(validator("measure with SQL", "{\"type\":\"event\",\"event\":\"purchase\",\"sum\":{\"measure\":\"net_amount) FROM orders; --\",\"op\":\">\",\"value\":1}}"));
        cases.add(validator("model with SQL", "{\"type\":\"score\",\"model\":\"churn' --\",\"op\":\">\",\"value\":0.5}"));
        cases.add(validator("tier with SQL", "{\"type\":\"score\",\"model\":\"churn\",\"tier\":\"high' OR 1=1 --\"}"));
        cases.add(validator("enum value with SQL", cmp("country", "=", quote(DROP))));
        cases.add(validator("enum values with SQL", "{\"type\":\"in\",\"field\":\"loyalty_tier\",\"values\":[\"g\u200Bold\"," + quote(DROP) + "]}"));
        cases.add(validator("event property value with SQL", "{\"type\":\"event\",\"event\":\"purchased_item\",\"where\":[{\"property\":\"category\",\"op\":\"=\",\"value\":" + quote(DROP) + "}]}"));
        cases.add(validator("segment id with SQL", "{\"type\":\"inSegment\",\"segment\":\"x'); DROP TABLE orders; --\"}"));
        cases.add(validator("number field given SQL text", cmp("age", ">", "\"1 OR 1=1\"")));
        cases.add(validator("date field given SQL text", cmp("signup_date", ">", "\"2024-01-01' OR '1'='1\"")));
        cases.add(validator("pii field", cmp("email", "contains", "\"@\"")));
        // accepted and bound as parameters
        cases.add(bound("classic injection in text", cmp("city", "=", quote(DROP))));
        cases.add(bound("single quote", cmp("city", "contains", "\"'\"")));
        cases.add(bound("backslashes", cmp("city", "contains", "\"\\\\'\\\\\"")));
        cases.add(bound("double quote and comment", cmp("city", "=", "\"\\\"; DROP TABLE orders; --\"")));
        cases.add(bound("dollar quoting", cmp("city", "=", "\"$$; DROP TABLE orders; $$\"")));
        cases.add(bound("RTL override in value", cmp("city", "=", "\"\u202Enilreb\"")));
        cases.add(bound("zero-width space in value", cmp("city", "contains", "\"Ber\u200Blin\"")));
        cases.add(bound("emoji", cmp("city", "=", "\"\uD83C\uDFD9\uFE0F\"")));
        cases.add(bound("LIKE wildcards are literal", cmp("city", "contains", "\"%_\"")));
        cases.add(bound("tautology in text", cmp("city", "=", "\"Berlin' OR '1'='1\"")));
        cases.add(bound("cluster name with UNION", "{\"type\":\"cluster\",\"model\":\"behaviour\",\"cluster\":\"x' UNION SELECT customer_id FROM customers --\"}"));
        cases.add(bound("string property with SQL", "{\"type\":\"event\",\"event\":\"purchase\",\"where\":[{\"property\":\"coupon_code\",\"op\":\"=\",\"value\":\"SAVE10'; DROP TABLE orders; --\"}]}"));
        cases.add(bound("read_csv in a value", cmp("city", "=", "\"' || (SELECT * FROM read_csv('/etc/passwd')) || '\"")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostile_input_is_rejected_clearly_or_bound_safely(String name, String conditionJson, Stage expected) {
        String json = "{\"name\":\"hostile " + name.replace("\"", "") + "\",\"description\":\"DROP TABLE orders;\\n--\",\"condition\":" + conditionJson + "}";
        SegmentDefinition definition;
        try {
            definition = SegmentJson.parse(json);
        } catch (DefinitionFormatException e) {
            assertThat(expected).as("rejected by the parser: %s", e.getMessage()).isEqualTo(Stage.PARSER);
            assertThat(e.path()).startsWith("$");
            assertThat(e.detail()).isNotBlank();
            assertUnchanged();
            return;
        }
        assertThat(expected).as("the parser accepted it").isNotEqualTo(Stage.PARSER);
        ValidationResult result = new DefinitionValidator().validate(definition,
                new ValidationContext(TestCatalog.catalog(), ProfileLookup.none(), SegmentResolver.none(), null));
        assertThat(result.isValid()).as("validation of %s: %s", name, result.issues()).isEqualTo(expected == Stage.BOUND);
        result.errors().forEach(issue -> assertThat(issue.message()).isNotBlank());

        // defence in depth: run whatever the compiler accepts even when validation failed
        CompiledSegment compiled;
        try {
            compiled = new SegmentCompiler().compile(definition, new CompileContext(TestCatalog.catalog(), FixtureData.AS_OF, SegmentResolver.none()));
        } catch (SegmentCompileException e) {
            assertThat(expected).isEqualTo(Stage.VALIDATOR);
            assertUnchanged();
            return;
        }
        List<Long> members = new SegmentExecutor(warehouse, SqlPolicy.forCatalog(TestCatalog.catalog())).members(compiled);
        assertThat(members).as("no fixture value matches hostile text").isEmpty();
        assertUnchanged();
    }

    static void assertUnchanged() {
        assertThat(FixtureData.checksum(warehouse)).isEqualTo(checksumBefore);
    }

    static Arguments parser(String name, String json) {
        return Arguments.of(name, json, Stage.PARSER);
    }

    static Arguments validator(String name, String json) {
        return Arguments.of(name, json, Stage.VALIDATOR);
    }

    static Arguments bound(String name, String json) {
        return Arguments.of(name, json, Stage.BOUND);
    }

    static String cmp(String field, String op, String valueJson) {
        return "{\"type\":\"compare\",\"field\":\"" + field + "\",\"op\":\"" + op + "\",\"value\":" + valueJson + "}";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String nested(int levels) {
        String inner = "{\"type\":\"isNull\",\"field\":\"city\"}";
        for (int i = 1; i < levels; i++) {
            inner = "{\"type\":\"not\",\"condition\":" + inner + "}";
        }
        return inner;
    }
}
