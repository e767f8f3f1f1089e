package dev.segmentagent.live;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogLoader;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Dependencies are read off the AST with the real catalog: what an import or a retraining must refresh. */
class SegmentDependenciesTest {

    static Catalog catalog;

    @BeforeAll
    static void load_catalog() {
        catalog = new CatalogLoader().load(Path.of("schema-catalog"));
    }

    private static SegmentDefinition parse(String condition) {
        return SegmentJson.parse("{\"condition\": " + condition + "}");
    }

    @Test
    void a_computed_field_depends_on_the_tables_of_its_operands_but_names_only_itself() {
        SegmentDependencies deps = SegmentDependencies.of(parse(
                "{\"type\": \"compare\", \"field\": \"avg_items_per_order_365d\", \"op\": \">\", \"value\": 2}"),
                catalog, SegmentResolver.none());

        assertThat(deps.fields()).containsExactly("avg_items_per_order_365d");
        assertThat(deps.tables()).containsExactlyInAnyOrder("orders", "customer_features");
        assertThat(deps.touchedBy(Set.of("orders"))).isTrue();
        assertThat(deps.touchedBy(Set.of("web_events", "add_to_cart"))).isFalse();
    }

    @Test
    void events_scores_clusters_and_model_fields_name_their_event_types_models_and_tables() {
        SegmentDependencies deps = SegmentDependencies.of(parse("{\"type\": \"or\", \"conditions\": ["
                + "{\"type\": \"event\", \"event\": \"add_to_cart\", \"window\": {\"lastDays\": 1}},"
                + "{\"type\": \"score\", \"model\": \"churn\", \"op\": \">=\", \"value\": 0.7},"
                + "{\"type\": \"cluster\", \"model\": \"behaviour\", \"cluster\": \"bargain hunters\"},"
                + "{\"type\": \"not\", \"condition\": {\"type\": \"isNull\", \"field\": \"churn_risk\"}}]}"),
                catalog, SegmentResolver.none());

        assertThat(deps.events()).containsExactly("add_to_cart");
        assertThat(deps.models()).containsExactlyInAnyOrder("churn", "behaviour");
        assertThat(deps.fields()).containsExactly("churn_risk");
        assertThat(deps.tables()).contains("web_events", "model_scores", "cluster_assignments");
        assertThat(deps.touchedBy(Set.of("churn"))).isTrue();
        assertThat(deps.touchedBy(Set.of("purchase_propensity", "orders"))).isFalse();
    }

    @Test
    void a_reused_segment_passes_its_dependencies_on_and_a_cycle_does_not_loop() {
        SegmentDefinition a = parse("{\"type\": \"and\", \"conditions\": ["
                + "{\"type\": \"in\", \"field\": \"country\", \"values\": [\"DE\"]},"
                + "{\"type\": \"inSegment\", \"segment\": \"b\"}]}");
        SegmentDefinition b = parse("{\"type\": \"or\", \"conditions\": ["
                + "{\"type\": \"event\", \"event\": \"purchase\"},"
                + "{\"type\": \"inSegment\", \"segment\": \"a\"}]}");
        SegmentResolver saved = SegmentResolver.of(Map.of("a", a, "b", b));

        SegmentDependencies deps = SegmentDependencies.of(parse("{\"type\": \"inSegment\", \"segment\": \"a\"}"), catalog, saved);

        assertThat(deps.segments()).containsExactlyInAnyOrder("a", "b");
        assertThat(deps.fields()).containsExactly("country");
        assertThat(deps.events()).containsExactly("purchase");
        assertThat(deps.tables()).contains("customers", "orders");
    }
}
