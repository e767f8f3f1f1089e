package dev.segmentagent.sqlgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.segment.DefinitionValidator;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentResolver;
import dev.segmentagent.segment.ValidationContext;
import dev.segmentagent.segment.ValidationResult;
import dev.segmentagent.segment.ProfileLookup;
import dev.segmentagent.segment.DefinitionSchemaTest;
import dev.segmentagent.testing.FixtureData;
import dev.segmentagent.testing.TestCatalog;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiler agrees with an independent Java evaluator on 1,000 random valid definitions over a seeded
 * 300-customer warehouse; each definition also round-trips through canonical JSON and validates against the
 * published JSON Schema.
 */
class SegmentCompilerProperties {

    static final Catalog CATALOG = TestCatalog.catalog();
    static final SegmentResolver SEGMENTS = SegmentResolver.of(Map.of(
            "vip", SegmentJson.parse("{\"name\":\"vip\",\"condition\":{\"type\":\"and\",\"conditions\":[{\"type\":\"compare\",\"field\":\"orders_365d\",\"op\":\">=\",\"value\":20},{\"type\":\"score\",\"model\":\"churn\",\"op\":\"<\",\"value\":0.5}]}}"),
            "nested", SegmentJson.parse("{\"name\":\"nested\",\"condition\":{\"type\":\"or\",\"conditions\":[{\"type\":\"inSegment\",\"segment\":\"vip\"},{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":30}}]}}"),
            "negated", SegmentJson.parse("{\"name\":\"negated\",\"condition\":{\"type\":\"not\",\"condition\":{\"type\":\"inSegment\",\"segment\":\"nested\"}}}")));
    static final DuckDbWarehouse WAREHOUSE = FixtureData.create(20250601L, 300);
    static final ReferenceEvaluator REFERENCE = new ReferenceEvaluator(WAREHOUSE, CATALOG, FixtureData.AS_OF, SEGMENTS);
    static final CompileContext COMPILE = new CompileContext(CATALOG, FixtureData.AS_OF, SEGMENTS);
    static final ValidationContext VALIDATE = new ValidationContext(CATALOG, ProfileLookup.none(), SEGMENTS, null);
    static final SegmentExecutor EXECUTOR = new SegmentExecutor(WAREHOUSE, SqlPolicy.forCatalog(CATALOG));
    static final JsonSchema SCHEMA = DefinitionSchemaTest.schema();
    static final List<Long> NANOS = Collections.synchronizedList(new ArrayList<>());
    static final int[] NON_EMPTY = new int[2];

    final DefinitionValidator validator = new DefinitionValidator();
    final SegmentCompiler compiler = new SegmentCompiler();

    @Provide
    Arbitrary<SegmentDefinition> definitions() {
        return DefinitionArbitraries.definitions();
    }

    @Property(tries = 1000, seed = "20250601", edgeCases = EdgeCasesMode.MIXIN)
    void compiled_sql_selects_exactly_the_reference_members(@ForAll("definitions") SegmentDefinition definition) {
        long start = System.nanoTime();
        ValidationResult validation = validator.validate(definition, VALIDATE);
        CompiledSegment compiled = compiler.compile(definition, COMPILE);
        NANOS.add(System.nanoTime() - start);

        assertThat(validation.errors()).as(SegmentJson.toJson(definition)).isEmpty();
        List<Long> members = EXECUTOR.members(compiled);
        assertThat(members).as(SegmentJson.toJson(definition) + "\n" + compiled.sql())
                .containsExactlyElementsOf(REFERENCE.members(definition.condition()));

        String json = SegmentJson.toJson(definition);
        assertThat(SegmentJson.parse(json)).isEqualTo(definition);
        JsonNode tree = SegmentJson.toTree(definition);
        assertThat(SCHEMA.validate(tree)).as(json).isEmpty();
        synchronized (NON_EMPTY) {
            NON_EMPTY[members.isEmpty() || members.size() == 300 ? 0 : 1]++;
        }
    }

    /** Not an assertion: the validate+compile cost per definition, for the report. */
    @AfterContainer
    static void printTimings() {
        List<Long> sorted = new ArrayList<>(NANOS);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return;
        }
        System.out.printf("validate+compile over %d definitions: p50 %.1f µs, p99 %.1f µs, max %.1f µs; "
                        + "definitions with a proper subset of customers: %d, empty or all: %d%n",
                sorted.size(), sorted.get(sorted.size() / 2) / 1e3, sorted.get((int) (sorted.size() * 0.99)) / 1e3,
                sorted.get(sorted.size() - 1) / 1e3, NON_EMPTY[1], NON_EMPTY[0]);
    }
}
