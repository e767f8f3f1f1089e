package dev.segmentagent.ingest;

import java.util.List;

/**
 * What the data says about one imported column, for drafting its catalog entry.
 *
 * @param values the distinct values, most frequent first, when there are at most {@link #ENUM_LIMIT}; else empty
 */
record ColumnProfile(ImportedColumn column, long rows, long nulls, long distinct, String min, String max,
                     List<String> values) {

    static final int ENUM_LIMIT = 20;

    double nullRate() {
        return rows == 0 ? 0 : (double) nulls / rows;
    }
}
