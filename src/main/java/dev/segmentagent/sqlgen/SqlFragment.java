package dev.segmentagent.sqlgen;

import java.util.List;

/** A piece of SQL with its bind parameters, in the order of the {@code ?} placeholders. */
public record SqlFragment(String sql, List<Object> params) {
    public SqlFragment {
        params = List.copyOf(params);
    }
}
