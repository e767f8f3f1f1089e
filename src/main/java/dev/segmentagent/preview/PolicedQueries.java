package dev.segmentagent.preview;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.sqlgen.SegmentExecutor;
import dev.segmentagent.sqlgen.SqlPolicy;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Runs statements assembled from compiled fragments through {@link SegmentExecutor}, with the SQL policy of
 * the catalog the definition was prepared against (a reloaded catalog brings its own relations).
 */
@Singleton
class PolicedQueries {

    private final DuckDbWarehouse warehouse;

    PolicedQueries(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    <T> T query(Catalog catalog, String sql, List<Object> params, SegmentExecutor.ResultReader<T> reader) {
        return executor(catalog).query(sql, params, reader);
    }

    SegmentExecutor executor(Catalog catalog) {
        return new SegmentExecutor(warehouse, SqlPolicy.forCatalog(catalog));
    }
}
