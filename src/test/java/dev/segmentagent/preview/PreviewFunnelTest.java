package dev.segmentagent.preview;

import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.sqlgen.SegmentExecutor;
import dev.segmentagent.sqlgen.SqlPolicy;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview's single funnel scan (the first step of an "and" as its filter, later steps only over the
 * customers that passed it) gives exactly the counts and members that each cumulative definition selects on
 * its own, on the demo data: for "and" funnels with event steps, a single condition, "or" branches, and a
 * first step that matches nobody.
 */
@MicronautTest
class PreviewFunnelTest {

    @Inject
    DefinitionPipeline pipeline;

    @Inject
    PreviewService previews;

    @Inject
    DuckDbWarehouse warehouse;

    @ParameterizedTest
    @ValueSource(strings = {
            // "and" funnel: a field step, then events over the same table, one negated
            """
            {"condition": {"type": "and", "conditions": [
              {"type": "compare", "field": "orders_365d", "op": ">=", "value": 1},
              {"type": "event", "event": "purchased_item", "where": [{"property": "category", "op": "=", "value": "shoes"}], "window": {"lastDays": 365}},
              {"type": "event", "event": "purchased_item", "did": false, "where": [{"property": "category", "op": "=", "value": "apparel"}], "window": {"lastDays": 365}}]}}""",
            // "and" funnel led by an event with a threshold, then a negated nested group
            """
            {"condition": {"type": "and", "conditions": [
              {"type": "event", "event": "purchase", "window": {"lastDays": 365}, "count": {"op": ">=", "value": 2}},
              {"type": "not", "condition": {"type": "or", "conditions": [
                {"type": "compare", "field": "email_consent", "op": "=", "value": true},
                {"type": "event", "event": "support_ticket", "window": {"lastDays": 90}}]}}]}}""",
            // a single condition
            """
            {"condition": {"type": "event", "event": "email_open", "did": false, "window": {"lastDays": 90}}}""",
            // "or" branches, each counted alone
            """
            {"condition": {"type": "or", "conditions": [
              {"type": "event", "event": "purchase", "where": [{"property": "channel", "op": "=", "value": "app"}], "window": {"lastDays": 60}},
              {"type": "compare", "field": "sessions_30d", "op": ">=", "value": 8}]}}""",
            // a first step nobody passes: every later count is 0, the base is still everyone
            """
            {"condition": {"type": "and", "conditions": [
              {"type": "compare", "field": "orders_365d", "op": "<", "value": 0},
              {"type": "event", "event": "purchase", "window": {"lastDays": 30}}]}}"""})
    void funnel_counts_total_and_sample_equal_each_cumulative_definition_run_alone(String json) {
        SegmentDefinition definition = SegmentJson.parse(json);
        PreparedDefinition prepared = pipeline.prepare(definition, null, null);

        Preview preview = previews.preview(prepared, 10);

        Condition root = definition.condition();
        List<Condition> steps = root instanceof Condition.And and ? and.conditions()
                : root instanceof Condition.Or or ? or.conditions() : List.of(root);
        List<Long> expectedSteps = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Condition step = root instanceof Condition.And ? new Condition.And(steps.subList(0, i + 1)) : steps.get(i);
            expectedSteps.add(count(step, prepared));
        }
        List<Long> members = members(root, prepared);
        long base = everyone(prepared);

        assertThat(preview.funnel().stream().map(Preview.FunnelStep::count).toList()).isEqualTo(expectedSteps);
        assertThat(preview.count()).isEqualTo(members.size());
        assertThat(preview.baseCount()).isEqualTo(base).isPositive();
        assertThat(preview.sample()).hasSize(Math.min(10, members.size()));
        for (Map<String, Object> row : preview.sample()) {
            assertThat(members).contains(((Number) row.get("customer_id")).longValue());
        }
    }

    private long count(Condition condition, PreparedDefinition like) {
        return executor(like).count(pipeline.prepare(new SegmentDefinition(null, null, condition), like.asOf(), null).compiled());
    }

    /** Every customer: counted straight from the feature table, not through the preview. */
    private long everyone(PreparedDefinition like) {
        return executor(like).query("SELECT count(*) FROM customer_features", List.of(), rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    private List<Long> members(Condition condition, PreparedDefinition like) {
        return executor(like).members(pipeline.prepare(new SegmentDefinition(null, null, condition), like.asOf(), null).compiled());
    }

    private SegmentExecutor executor(PreparedDefinition prepared) {
        return new SegmentExecutor(warehouse, SqlPolicy.forCatalog(prepared.catalog()));
    }
}
