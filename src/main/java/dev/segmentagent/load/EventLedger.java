package dev.segmentagent.load;

import dev.segmentagent.warehouse.DuckDbWarehouse;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The loss check: which acknowledged events the warehouse holds. It reads the file after the service has shut
 * down, through a fresh DuckDB instance, so what it finds is what a restart would find (committed and
 * replayed from the WAL), not what a live connection still caches.
 */
public final class EventLedger {

    private EventLedger() {
    }

    public static LoadReport.Events check(Path warehouseFile, LoadDriver.Outcome outcome, int targetPerSecond)
            throws SQLException {
        Set<String> stored = new HashSet<>();
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.openFile(warehouseFile)) {
            warehouse.readOnly(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT event_id FROM ingested_events WHERE starts_with(event_id, ?)")) {
                    select.setString(1, outcome.eventIdPrefix());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            stored.add(rs.getString(1));
                        }
                    }
                }
                return null;
            });
        }
        List<String> missing = outcome.acknowledged().stream().filter(id -> !stored.contains(id)).sorted().toList();
        long storedAcknowledged = outcome.acknowledged().size() - missing.size();
        return new LoadReport.Events(targetPerSecond, outcome.sent(), outcome.acknowledged().size(),
                outcome.acknowledged().size() / outcome.seconds(), storedAcknowledged, missing.size(),
                missing.subList(0, Math.min(20, missing.size())));
    }
}
