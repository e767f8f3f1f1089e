package dev.segmentagent.sqlgen;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogLoader;
import dev.segmentagent.catalog.ExamplePair;
import dev.segmentagent.catalog.FeatureBuilder;
import dev.segmentagent.catalog.ModelSpec;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.DefinitionValidator;
import dev.segmentagent.segment.ProfileLookup;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentResolver;
import dev.segmentagent.segment.ValidationContext;
import dev.segmentagent.segment.ValidationIssue;
import dev.segmentagent.segment.ValidationResult;
import dev.segmentagent.warehouse.DemoDataGenerator;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.GeneratorOptions;
import dev.segmentagent.warehouse.ProgressReporter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.lifecycle.AfterContainer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiler agrees with the independent {@link ReferenceEvaluator} on 1,000 random valid definitions over the
 * REAL schema catalog and the REAL demo data (2,000 generated customers, features built from the catalog, plus
 * seeded model scores and cluster assignments so score and cluster nodes select someone). Definitions come from
 * {@link CatalogArbitraries}, which knows no field by name; the validator filters out the few it rejects, and a
 * separate check keeps that share small so the generator stays honest.
 */
class DemoDataCompilerProperties {

    static final long SEED = 42L;
    static final int CUSTOMERS = 2_000;
    static final Instant AS_OF = GeneratorOptions.DEFAULT_AS_OF;
    static final List<String> CLUSTER_NAMES = List.of("Bargain hunters", "Loyal regulars", "Night-owl browsers",
            "Collector's picks", "Cafés & weekends");

    static final long SETUP_STARTED = System.nanoTime();
    static final Catalog CATALOG = new CatalogLoader().load(Path.of("schema-catalog"));
    static final DuckDbWarehouse WAREHOUSE = demoWarehouse();
    static final Map<String, SegmentDefinition> SAVED = savedSegments();
    static final SegmentResolver SEGMENTS = SegmentResolver.of(SAVED);
    static final CatalogArbitraries.Sample SAMPLE = CatalogArbitraries.Sample.read(WAREHOUSE, CATALOG, AS_OF);
    static final CatalogArbitraries ARBITRARIES = new CatalogArbitraries(CATALOG, SAMPLE, List.copyOf(SAVED.keySet()));
    static final ReferenceEvaluator REFERENCE = new ReferenceEvaluator(WAREHOUSE, CATALOG, AS_OF, SEGMENTS);
    static final ValidationContext VALIDATE = new ValidationContext(CATALOG, ProfileLookup.none(), SEGMENTS, null);
    static final CompileContext COMPILE = new CompileContext(CATALOG, AS_OF, SEGMENTS);
    static final SegmentExecutor EXECUTOR = new SegmentExecutor(WAREHOUSE, SqlPolicy.forCatalog(CATALOG));
    static final long SETUP_NANOS = System.nanoTime() - SETUP_STARTED;

    static final AtomicInteger GENERATED = new AtomicInteger();
    static final AtomicInteger VALID = new AtomicInteger();
    static final AtomicInteger CHECKED = new AtomicInteger();
    static final AtomicInteger PROPER_SUBSET = new AtomicInteger();
    static final AtomicInteger EMPTY = new AtomicInteger();
    static final AtomicInteger EVERYONE = new AtomicInteger();
    static final Map<String, Integer> NODE_KINDS = new TreeMap<>();
    static final TreeSet<String> FIELDS_USED = new TreeSet<>();
    static final long[] PROPERTY_NANOS = new long[1];

    static final DefinitionValidator VALIDATOR = new DefinitionValidator();
    final SegmentCompiler compiler = new SegmentCompiler();

    @Provide
    Arbitrary<SegmentDefinition> definitions() {
        return ARBITRARIES.definitions().filter(d -> {
            GENERATED.incrementAndGet();
            boolean valid = VALIDATOR.validate(d, VALIDATE).isValid();
            if (valid) {
                VALID.incrementAndGet();
            }
            return valid;
        });
    }

    @Property(tries = 1000, seed = "20261101", edgeCases = EdgeCasesMode.NONE)
    void compiled_sql_selects_exactly_the_reference_members_on_demo_data(@ForAll("definitions") SegmentDefinition definition) {
        long start = System.nanoTime();
        CompiledSegment compiled = compiler.compile(definition, COMPILE);
        List<Long> members = EXECUTOR.members(compiled);
        TreeSet<Long> expected = REFERENCE.members(definition.condition());

        assertThat(members).as("%s%n%s%n%s", SegmentJson.toJson(definition), compiled.sql(), compiled.params())
                .containsExactlyElementsOf(expected);

        synchronized (NODE_KINDS) {
            PROPERTY_NANOS[0] += System.nanoTime() - start;
            CHECKED.incrementAndGet();
            (members.isEmpty() ? EMPTY : members.size() == CUSTOMERS ? EVERYONE : PROPER_SUBSET).incrementAndGet();
            tally(definition.condition());
        }
    }

    /** The generator is honest: nearly everything it makes is valid, so the filter above discards little. */
    @Example
    void catalog_generator_makes_at_least_90_percent_valid_definitions() {
        RandomGenerator<SegmentDefinition> generator = ARBITRARIES.definitions().generator(1000);
        Random random = new Random(SEED);
        Map<String, Integer> rejections = new TreeMap<>();
        int valid = 0;
        int total = 1_000;
        for (int i = 0; i < total; i++) {
            ValidationResult result = VALIDATOR.validate(generator.next(random).value(), VALIDATE);
            if (result.isValid()) {
                valid++;
            }
            for (ValidationIssue issue : result.errors()) {
                rejections.merge(issue.code(), 1, Integer::sum);
            }
        }
        System.out.printf("catalog generator: %d of %d definitions valid; errors of the others by code: %s%n",
                valid, total, rejections);
        assertThat(valid).as("valid definitions out of %d; errors %s", total, rejections).isGreaterThanOrEqualTo(total * 9 / 10);
    }

    /** The saved segments inSegment draws on are valid themselves (so the property's inSegment leaves are too). */
    @Example
    void saved_segments_are_valid() {
        assertThat(SAVED).hasSizeGreaterThanOrEqualTo(4);
        SAVED.forEach((id, definition) -> assertThat(VALIDATOR.validate(definition, VALIDATE).errors()).as(id).isEmpty());
    }

    /** Not an assertion: how much the property exercised, for the report. */
    @AfterContainer
    static void printStatistics() {
        if (CHECKED.get() == 0) {
            return;
        }
        long testable = CATALOG.fields().stream().filter(CatalogArbitraries::testable).count();
        System.out.printf("demo-data property: setup %.1f s; %d definitions checked in %.1f s (compile+execute+reference);"
                        + " %d of %d generated were valid (%.1f%%); proper non-empty subset: %d (%.1f%%), empty: %d, everyone: %d;"
                        + " fields used: %d of %d testable; node kinds: %s%n",
                SETUP_NANOS / 1e9, CHECKED.get(), PROPERTY_NANOS[0] / 1e9, VALID.get(), GENERATED.get(),
                100.0 * VALID.get() / Math.max(1, GENERATED.get()), PROPER_SUBSET.get(), 100.0 * PROPER_SUBSET.get() / CHECKED.get(),
                EMPTY.get(), EVERYONE.get(), FIELDS_USED.size(), testable, NODE_KINDS);
    }

    private static void tally(Condition c) {
        NODE_KINDS.merge(c.getClass().getSimpleName(), 1, Integer::sum);
        if (c instanceof Condition.And and) {
            and.conditions().forEach(DemoDataCompilerProperties::tally);
        } else if (c instanceof Condition.Or or) {
            or.conditions().forEach(DemoDataCompilerProperties::tally);
        } else if (c instanceof Condition.Not not) {
            tally(not.condition());
        } else if (c instanceof Condition.Compare x) {
            FIELDS_USED.add(x.field());
        } else if (c instanceof Condition.Between x) {
            FIELDS_USED.add(x.field());
        } else if (c instanceof Condition.In x) {
            FIELDS_USED.add(x.field());
        } else if (c instanceof Condition.IsNull x) {
            FIELDS_USED.add(x.field());
        } else if (c instanceof Condition.Event e) {
            NODE_KINDS.merge("Event:" + e.event(), 1, Integer::sum);
        }
    }

    // ---- fixture ---------------------------------------------------------------------------------------------

    /** The demo shop for 2,000 customers, seeded model outputs, then customer_features built from the catalog. */
    private static DuckDbWarehouse demoWarehouse() {
        DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory();
        new DemoDataGenerator().generate(warehouse, GeneratorOptions.defaults(SEED).withCustomers(CUSTOMERS), ProgressReporter.silent());
        seedModels(warehouse, CATALOG, new Random(SEED));
        new FeatureBuilder().build(warehouse, CATALOG, AS_OF);
        return warehouse;
    }

    /**
     * Until the ML lands, model_scores and cluster_assignments are empty: give ~85% of customers a score per score
     * model (a few without score or tier) with a tier banded by the score over the model's declared tiers, and ~90%
     * a cluster per clustering model (a few with no cluster name).
     */
    static void seedModels(DuckDbWarehouse warehouse, Catalog catalog, Random random) {
        try (Connection c = warehouse.connection();
             PreparedStatement scores = c.prepareStatement("INSERT INTO model_scores VALUES (?, ?, ?, ?, 'seeded')");
             PreparedStatement clusters = c.prepareStatement("INSERT INTO cluster_assignments VALUES (?, ?, ?, ?, 'seeded')")) {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT customer_id FROM customers ORDER BY 1")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (ModelSpec model : catalog.models()) {
                for (long id : ids) {
                    if (model.kind() == ModelSpec.Kind.SCORE && random.nextInt(100) < 85) {
                        Double score = random.nextInt(25) == 0 ? null : random.nextInt(1001) / 1000.0;
                        String tier = model.tiers().isEmpty() || random.nextInt(25) == 0 ? null
                                : model.tiers().get(score == null ? random.nextInt(model.tiers().size())
                                : Math.min(model.tiers().size() - 1, (int) ((1 - score) * model.tiers().size())));
                        scores.setString(1, model.name());
                        scores.setLong(2, id);
                        scores.setObject(3, score);
                        scores.setObject(4, tier);
                        scores.addBatch();
                    } else if (model.kind() == ModelSpec.Kind.CLUSTER && random.nextInt(100) < 90) {
                        int cluster = random.nextInt(CLUSTER_NAMES.size());
                        clusters.setString(1, model.name());
                        clusters.setLong(2, id);
                        clusters.setInt(3, cluster);
                        clusters.setObject(4, random.nextInt(50) == 0 ? null : CLUSTER_NAMES.get(cluster));
                        clusters.addBatch();
                    }
                }
            }
            scores.executeBatch();
            clusters.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The catalog's reviewed example definitions that validate (saved under their names), plus one segment that
     * combines two of them and one that negates that, so inSegment also nests.
     */
    private static Map<String, SegmentDefinition> savedSegments() {
        Map<String, SegmentDefinition> saved = new LinkedHashMap<>();
        ValidationContext plain = new ValidationContext(CATALOG, ProfileLookup.none(), SegmentResolver.none(), null);
        for (ExamplePair example : CATALOG.examples()) {
            SegmentDefinition definition = SegmentJson.parse(example.definition().toString());
            if (saved.size() < 4 && new DefinitionValidator().validate(definition, plain).isValid()) {
                saved.put(definition.name(), definition);
            }
        }
        List<String> ids = List.copyOf(saved.keySet());
        saved.put("either_of_two", new SegmentDefinition("either_of_two", null, new Condition.Or(List.of(
                new Condition.InSegment(ids.get(0)), new Condition.InSegment(ids.get(1))))));
        saved.put("neither_of_two", new SegmentDefinition("neither_of_two", null,
                new Condition.Not(new Condition.InSegment("either_of_two"))));
        return saved;
    }
}
