package dev.segmentagent.sqlgen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An SQL text under construction with its parameters and relations; values only ever enter through {@link #param}. */
final class Sql {

    final SqlDialect dialect;
    final StringBuilder text = new StringBuilder();
    final List<Object> params = new ArrayList<>();
    final Set<String> relations = new LinkedHashSet<>();

    Sql(SqlDialect dialect) {
        this.dialect = dialect;
    }

    Sql append(String sql) {
        text.append(sql);
        return this;
    }

    Sql param(Object value) {
        if (value == null) {
            throw new SegmentCompileException("a bind parameter has no value");
        }
        text.append('?');
        params.add(value);
        return this;
    }

    /** A quoted relation name, recorded for the policy and for dependency tracking. */
    Sql relation(String table) {
        text.append(dialect.quote(table));
        relations.add(table);
        return this;
    }

    SqlFragment fragment() {
        return new SqlFragment(text.toString(), params);
    }
}
