package dev.segmentagent.eval;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.ExamplePair;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eval cases and catalog examples agree with the catalog and the data: every field they name exists,
 * and every gold query runs on the test demo data (3,000 customers) and returns customer ids.
 */
@MicronautTest
class EvalConsistencyTest {

    private static final Path CASES = Path.of("eval/cases.jsonl");

    @Inject
    CatalogService catalogs;

    @Inject
    EvalRunner runner;

    @Test
    void every_field_named_by_catalog_examples_and_expected_definitions_exists() {
        Catalog catalog = catalogs.catalog();
        List<String> unknown = new ArrayList<>();
        for (ExamplePair example : catalog.examples()) {
            example.fields().stream().filter(f -> catalog.field(f).isEmpty()).forEach(unknown::add);
            EvalRunner.plainFields(example.definition()).stream().filter(f -> catalog.field(f).isEmpty())
                    .forEach(unknown::add);
        }
        for (EvalCase c : EvalCase.read(CASES)) {
            if (c.expectedDefinition() != null) {
                EvalRunner.plainFields(c.expectedDefinition()).stream().filter(f -> catalog.field(f).isEmpty())
                        .forEach(f -> unknown.add(c.id() + ": " + f));
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void every_gold_query_runs_on_the_demo_data_and_most_return_members() {
        List<EvalCase> cases = EvalCase.read(CASES);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(cases.stream().map(EvalCase::id).distinct().count()).isEqualTo(cases.size());
        int answerable = 0;
        int nonEmpty = 0;
        for (EvalCase c : cases) {
            if (!c.answerable()) {
                continue;
            }
            Set<Long> members = runner.gold(c); // throws with the SQL when a gold query does not run
            if (!c.tagged("needs-models")) {
                answerable++;
                nonEmpty += members.isEmpty() ? 0 : 1;
            }
        }
        // 3,000 customers is small: a rare combination may be empty here but not on 50,000.
        assertThat(nonEmpty).isGreaterThanOrEqualTo((int) (0.9 * answerable));
    }

    @Test
    void cases_cover_every_node_type_and_both_behaviours() {
        List<EvalCase> cases = EvalCase.read(CASES);
        for (String tag : List.of("compare", "between", "in", "isNull", "event", "not", "and", "or", "score",
                "negation", "window", "confusable", "clarify", "decline", "heldout", "needs-models")) {
            assertThat(cases).as(tag).anyMatch(c -> c.tagged(tag));
        }
        assertThat(cases.stream().filter(c -> c.tagged("heldout")).count())
                .isGreaterThanOrEqualTo(cases.size() / 12);
    }
}
