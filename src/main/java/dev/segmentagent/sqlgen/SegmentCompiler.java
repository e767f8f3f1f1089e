package dev.segmentagent.sqlgen;

import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentDefinition;

/**
 * Compiles definitions to parameterised SQL (DuckDB's by default) over {@code customer_features f}. Pure and thread-safe:
 * the same definition, catalog and as-of always give the same SQL and parameters.
 *
 * <p>Every value from the definition is a bind parameter; identifiers come only from catalog objects and
 * are checked and quoted. A node the compiler cannot translate is an error, never dropped.
 */
public final class SegmentCompiler {

    public static final String FEATURES = "customer_features";

    private final SqlDialect dialect;

    /** The compiler for DuckDB, the engine this service runs segments on. */
    public SegmentCompiler() {
        this(SqlDialect.DUCKDB);
    }

    public SegmentCompiler(SqlDialect dialect) {
        this.dialect = java.util.Objects.requireNonNull(dialect, "dialect");
    }

    /** {@code SELECT f.customer_id FROM customer_features f WHERE <predicate>}. */
    public CompiledSegment compile(SegmentDefinition definition, CompileContext context) {
        if (definition == null || definition.condition() == null) {
            throw new SegmentCompileException("the definition has no condition");
        }
        Sql sql = new Sql(dialect);
        sql.append("SELECT f.customer_id FROM ").relation(FEATURES).append(" f WHERE ");
        new PredicateWriter(context, sql).condition(definition.condition());
        return new CompiledSegment(sql.text.toString(), sql.params, sql.relations);
    }

    /**
     * The boolean predicate alone, over the alias {@code f} of customer_features, for callers that build their
     * own statement (funnels: {@code count(*) FILTER (WHERE p1)}, ...). Never NULL for any row.
     */
    public SqlFragment compilePredicate(Condition condition, CompileContext context) {
        Sql sql = new Sql(dialect);
        new PredicateWriter(context, sql).condition(condition);
        return sql.fragment();
    }
}
