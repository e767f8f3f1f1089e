package dev.segmentagent.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.ingest.Importer;
import dev.segmentagent.interpret.MeasuredInterpreter;
import dev.segmentagent.interpret.Interpretation;
import dev.segmentagent.interpret.RequestInterpreter;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.sqlgen.SegmentExecutor;
import dev.segmentagent.sqlgen.SqlPolicy;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseFacts;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Runs an interpreter over eval cases on the loaded data: each answer's members against the gold members
 * (exact match, Jaccard), the fields it chose against the gold's, clarify/decline behaviour, latency and tokens.
 */
@Singleton
public class EvalRunner {

    static final int DEFAULT_ID_LIMIT = 20;

    private static final Pattern RAW_TABLES = Pattern.compile("\\b(?:orders|order_items|web_events|email_messages|"
            + "sms_messages|support_tickets|model_scores|cluster_assignments|customers)\\b");

    private final DefinitionPipeline pipeline;
    private final CatalogService catalogs;
    private final DuckDbWarehouse warehouse;
    private final WarehouseFacts facts;

    EvalRunner(DefinitionPipeline pipeline, CatalogService catalogs, DuckDbWarehouse warehouse, WarehouseFacts facts) {
        this.pipeline = pipeline;
        this.catalogs = catalogs;
        this.warehouse = warehouse;
        this.facts = facts;
    }

    public EvalReport run(RequestInterpreter interpreter, List<EvalCase> cases) {
        return run(interpreter, cases, DEFAULT_ID_LIMIT);
    }

    /** @param idLimit how many produced member ids each case reports (all of them for an external eval) */
    public EvalReport run(RequestInterpreter interpreter, List<EvalCase> cases, int idLimit) {
        List<CaseResult> results = new ArrayList<>();
        for (EvalCase evalCase : cases) {
            results.add(run(interpreter, evalCase, idLimit));
        }
        return EvalReport.of(interpreter.name(), facts.customerCount(), facts.asOf(), results);
    }

    CaseResult run(RequestInterpreter interpreter, EvalCase c) {
        return run(interpreter, c, DEFAULT_ID_LIMIT);
    }

    CaseResult run(RequestInterpreter interpreter, EvalCase c, int idLimit) {
        // The gold is counted for every answerable case, so a case whose gold is empty on this data (model
        // outputs not trained yet) is recognised as not scorable whatever the interpreter did.
        Long goldCount = null;
        if (c.answerable()) {
            goldCount = (long) gold(c).size();
        }
        CaseResult result = interpret(interpreter, c, idLimit);
        if (result.goldCount() == null && goldCount != null) {
            result = new CaseResult(result.id(), result.request(), result.tags(), result.expected(), result.outcome(),
                    result.correct(), result.jaccard(), result.producedCount(), goldCount, result.producedSample(),
                    result.fieldsUsed(), result.goldFields(), result.fieldsCorrect(), result.definition(),
                    result.detail(), result.latencyMillis(), result.tokens());
        }
        return result;
    }

    private CaseResult interpret(RequestInterpreter interpreter, EvalCase c, int idLimit) {
        long started = System.nanoTime();
        Interpretation interpretation;
        long tokens = 0;
        try {
            if (interpreter instanceof MeasuredInterpreter measured) {
                MeasuredInterpreter.Measured result = measured.interpretMeasured(c.request());
                interpretation = result.interpretation();
                tokens = result.usage().totalTokens();
            } else {
                interpretation = interpreter.interpret(c.request());
            }
        } catch (RuntimeException e) {
            return result(c, "error", false, null, null, null, List.of(), List.of(), null, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), millis(started), 0);
        }
        long latency = millis(started);
        if (interpretation instanceof Interpretation.Clarification q) {
            return result(c, "clarification", Scoring.behaviourCorrect(c.expected(), "clarification"), null, null,
                    null, List.of(), List.of(), null, null, q.question() + " " + q.options().stream()
                            .map(Interpretation.Option::request).toList(), latency, tokens);
        }
        if (interpretation instanceof Interpretation.Declined d) {
            return result(c, "declined", Scoring.behaviourCorrect(c.expected(), "declined"), null, null, null,
                    List.of(), List.of(), null, null, d.reason(), latency, tokens);
        }
        SegmentDefinition definition = ((Interpretation.Answer) interpretation).definition();
        String json = SegmentJson.toJson(definition);
        List<String> used = fieldsOf(definition.condition());
        if (!c.answerable()) {
            return result(c, "answer", false, null, null, null, used, List.of(), null, json,
                    "expected " + c.expected().name().toLowerCase() + " but got an answer", latency, tokens);
        }
        Set<Long> produced;
        try {
            produced = members(pipeline.prepare(definition, null, null));
        } catch (RuntimeException e) {
            return result(c, "error", false, null, null, null, used, List.of(), null, json,
                    "the answer did not run: " + e.getMessage(), latency, tokens);
        }
        Set<Long> gold = gold(c);
        List<String> goldFields = goldFields(c);
        Boolean fieldsCorrect = goldFields == null ? null : new TreeSet<>(goldFields).equals(new TreeSet<>(used));
        return result(c, "answer", Scoring.exactMatch(produced, gold), Scoring.jaccard(produced, gold),
                (long) produced.size(), (long) gold.size(), used, goldFields == null ? List.of() : goldFields,
                fieldsCorrect, json, null, latency, tokens, produced, idLimit);
    }

    /** The gold member set of an answerable case. */
    public Set<Long> gold(EvalCase c) {
        if (c.goldSql() != null) {
            return goldSqlMembers(c.goldSql());
        }
        return members(pipeline.prepare(SegmentJson.parse(c.expectedDefinition()), null, null));
    }

    /** Whether the data was imported from files, so gold SQL reads those files (see {@link RawFileGold}). */
    public boolean importedData() {
        return facts.get(Importer.SOURCES_KEY).isPresent();
    }

    /**
     * Runs hand-written gold SQL (trusted eval text) with {as_of} as the data's as-of timestamp: over the raw
     * imported files when the data was imported, else read-only over the warehouse.
     */
    public Set<Long> goldSqlMembers(String goldSql) {
        java.util.Optional<String> imported = facts.get(Importer.SOURCES_KEY);
        if (imported.isPresent()) {
            return RawFileGold.of(imported.get(), facts.asOf()).members(goldSql);
        }
        LocalDateTime asOf = LocalDateTime.ofInstant(facts.asOf(), ZoneOffset.UTC);
        String sql = goldSql.replace("{as_of}", "TIMESTAMP '" + asOf + "'");
        try {
            return warehouse.readOnly(connection -> {
                Set<Long> ids = new HashSet<>();
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            });
        } catch (SQLException e) {
            throw new IllegalArgumentException("gold SQL failed: " + e.getMessage() + " in: " + sql, e);
        }
    }

    private Set<Long> members(PreparedDefinition prepared) {
        SegmentExecutor executor = new SegmentExecutor(warehouse, SqlPolicy.forCatalog(prepared.catalog()));
        return new HashSet<>(executor.members(prepared.compiled()));
    }

    /** The gold's fields: from the expected definition, or from gold SQL that reads only customer_features. */
    List<String> goldFields(EvalCase c) {
        if (c.expectedDefinition() != null) {
            return fieldsOf(SegmentJson.parse(c.expectedDefinition()).condition());
        }
        if (c.goldSql() == null || !c.goldSql().contains("customer_features") || RAW_TABLES.matcher(c.goldSql()).find()) {
            return null;
        }
        Catalog catalog = catalogs.catalog();
        Set<String> names = new TreeSet<>();
        for (String word : c.goldSql().split("[^a-z0-9_]+")) {
            if (!word.equals("customer_id") && catalog.field(word).isPresent()) {
                names.add(word);
            }
        }
        return List.copyOf(names);
    }

    /** Fields a definition names; events and models as event:NAME and model:NAME. */
    public static List<String> fieldsOf(Condition condition) {
        Set<String> names = new TreeSet<>();
        collect(condition, names);
        return List.copyOf(names);
    }

    private static void collect(Condition condition, Set<String> names) {
        if (condition instanceof Condition.And a) {
            a.conditions().forEach(x -> collect(x, names));
        } else if (condition instanceof Condition.Or o) {
            o.conditions().forEach(x -> collect(x, names));
        } else if (condition instanceof Condition.Not n) {
            collect(n.condition(), names);
        } else if (condition instanceof Condition.Compare x) {
            names.add(x.field());
        } else if (condition instanceof Condition.Between x) {
            names.add(x.field());
        } else if (condition instanceof Condition.In x) {
            names.add(x.field());
        } else if (condition instanceof Condition.IsNull x) {
            names.add(x.field());
        } else if (condition instanceof Condition.Event e) {
            names.add("event:" + e.event());
        } else if (condition instanceof Condition.Score s) {
            names.add("model:" + s.model());
        } else if (condition instanceof Condition.Cluster k) {
            names.add("model:" + k.model());
        } else if (condition instanceof Condition.InSegment s) {
            names.add("segment:" + s.segment());
        }
    }

    /** Every catalog field (not event or model) an expected definition or catalog example names. */
    public static List<String> plainFields(JsonNode definition) {
        return fieldsOf(SegmentJson.parse(definition).condition()).stream().filter(f -> !f.contains(":")).toList();
    }

    static boolean knownField(Catalog catalog, String name) {
        return catalog.fields().stream().map(FieldSpec::name).anyMatch(name::equals);
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static CaseResult result(EvalCase c, String outcome, boolean correct, Double jaccard, Long producedCount,
                                     Long goldCount, List<String> used, List<String> goldFields,
                                     Boolean fieldsCorrect, String json, String detail, long latency, long tokens) {
        return result(c, outcome, correct, jaccard, producedCount, goldCount, used, goldFields, fieldsCorrect, json,
                detail, latency, tokens, Set.of(), 0);
    }

    private static CaseResult result(EvalCase c, String outcome, boolean correct, Double jaccard, Long producedCount,
                                     Long goldCount, List<String> used, List<String> goldFields,
                                     Boolean fieldsCorrect, String json, String detail, long latency, long tokens,
                                     Set<Long> produced, int idLimit) {
        List<Long> sample = new TreeSet<>(produced).stream().limit(idLimit).toList();
        return new CaseResult(c.id(), c.request(), c.tags(), c.expected().name().toLowerCase(), outcome, correct,
                jaccard, producedCount, goldCount, sample, used, goldFields, fieldsCorrect, json, detail, latency,
                tokens);
    }

}
