package dev.segmentagent.ingest;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * At start, drops the staging tables of an import the previous process did not finish (kill -9 mid-copy): they
 * hold half a copy that was never swapped in, and would otherwise sit in the warehouse file until the next
 * import of the same table replaced them.
 */
@Singleton
class LeftoverStages implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverStages.class);

    private final DuckDbWarehouse warehouse;

    LeftoverStages(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try (Connection connection = warehouse.connection()) {
            List<String> dropped = Importer.dropLeftoverStages(connection);
            if (!dropped.isEmpty()) {
                LOG.warn("dropped staging tables of an interrupted import: {}", dropped);
            }
        } catch (SQLException e) {
            LOG.warn("could not drop staging tables of an interrupted import: {}", e.getMessage());
        }
    }
}
