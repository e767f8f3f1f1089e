package dev.segmentagent.warehouse;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about the loaded data kept in {@code warehouse_meta}: above all the as-of instant that relative time
 * windows are measured from, so a segment evaluated twice on the same data gives the same members.
 */
@Singleton
public class WarehouseFacts {

    private final DuckDbWarehouse warehouse;
    // as-of is read on every preview and save; it changes only when data is loaded, which calls invalidate()
    private volatile Instant cachedAsOf;

    public WarehouseFacts(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    public Optional<String> get(String key) {
        try (Connection connection = warehouse.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT value FROM warehouse_meta WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot read warehouse_meta: " + e.getMessage(), e);
        }
    }

    public Map<String, String> all() {
        Map<String, String> facts = new LinkedHashMap<>();
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT key, value FROM warehouse_meta ORDER BY key")) {
            while (rs.next()) {
                facts.put(rs.getString(1), rs.getString(2));
            }
            return facts;
        } catch (SQLException e) {
            throw new WarehouseException("cannot read warehouse_meta: " + e.getMessage(), e);
        }
    }

    /**
     * The data's as-of instant. Data that records none (an import) is measured from just after its latest
     * order or web event; an empty warehouse from now.
     */
    public Instant asOf() {
        Instant asOf = cachedAsOf;
        if (asOf == null) {
            asOf = get(WarehouseMetaKeys.AS_OF).map(Instant::parse).orElseGet(this::latestBehaviour);
            cachedAsOf = asOf;
        }
        return asOf;
    }

    /** Forget cached facts: call after anything that loads or replaces data. */
    public void invalidate() {
        cachedAsOf = null;
    }

    private Instant latestBehaviour() {
        String sql = "SELECT max(t) FROM (SELECT max(ordered_at) AS t FROM orders "
                + "UNION ALL SELECT max(occurred_at) FROM web_events)";
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            java.sql.Timestamp latest = rs.getTimestamp(1, java.util.Calendar.getInstance(
                    java.util.TimeZone.getTimeZone("UTC")));
            return latest == null ? Instant.now() : latest.toInstant().plusSeconds(1);
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the latest behaviour: " + e.getMessage(), e);
        }
    }

    /** Replaces a fact (one transaction: delete + insert, since the table has no key constraint). */
    public void put(String key, String value) {
        try (Connection connection = warehouse.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM warehouse_meta WHERE key = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO warehouse_meta (key, value) VALUES (?, ?)")) {
                delete.setString(1, key);
                delete.executeUpdate();
                insert.setString(1, key);
                insert.setString(2, value);
                insert.executeUpdate();
                connection.commit();
                invalidate();
            } catch (SQLException e) {
                Rollback.keepingCause(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot write warehouse_meta: " + e.getMessage(), e);
        }
    }

    public long customerCount() {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM customers")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new WarehouseException("cannot count customers: " + e.getMessage(), e);
        }
    }
}
