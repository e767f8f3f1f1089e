package dev.segmentagent.live;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.sqlgen.Identifiers;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends events to the behavioural tables and to the ledger of event ids in ONE committed transaction, so an
 * acknowledged event is on disk (DuckDB's WAL) and a replayed one is recognised by its id and skipped.
 */
@Singleton
class EventStore {

    private final DuckDbWarehouse warehouse;
    private final Map<String, List<EventRows.Column>> columns = new java.util.concurrent.ConcurrentHashMap<>();

    EventStore(DuckDbWarehouse warehouse, MembershipTable tablesCreated) {
        this.warehouse = warehouse;
    }

    /** What a batch did: stored events, duplicates, and the customers and tables it touched. */
    record Stored(List<IncomingEvent> accepted, List<String> duplicates, Set<Long> customers, Set<String> touched) {}

    synchronized Stored append(List<IncomingEvent> events, Catalog catalog, Instant receivedAt) {
        List<String> issues = new ArrayList<>();
        Map<IncomingEvent, EventRows.Row> rows = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            EventRows.Row row = EventRows.map(event, catalog, tableColumns(catalog, event.type()), issues);
            if (row != null) {
                rows.put(event, row);
            }
        }
        try (Connection connection = warehouse.connection()) {
            unknownCustomers(connection, events, issues);
            if (!issues.isEmpty()) {
                throw new EventRejectedException(issues);
            }
            connection.setAutoCommit(false);
            try {
                Set<String> seen = known(connection, events);
                List<IncomingEvent> accepted = new ArrayList<>();
                List<String> duplicates = new ArrayList<>();
                Set<Long> customers = new HashSet<>();
                Set<String> touched = new HashSet<>();
                for (Map.Entry<IncomingEvent, EventRows.Row> entry : rows.entrySet()) {
                    IncomingEvent event = entry.getKey();
                    if (!seen.add(event.eventId())) {
                        duplicates.add(event.eventId());
                        continue;
                    }
                    long key = insert(connection, entry.getValue());
                    ledger(connection, event, receivedAt, key);
                    accepted.add(event);
                    customers.add(event.customerId());
                    touched.add(entry.getValue().table());
                    touched.add(event.type());
                }
                connection.commit();
                return new Stored(accepted, duplicates, customers, touched);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("storing events failed: " + e.getMessage(), e);
        }
    }

    private long insert(Connection connection, EventRows.Row row) throws SQLException {
        long key;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT nextval('ingested_row_key')")) {
            rs.next();
            key = rs.getLong(1);
        }
        List<String> names = new ArrayList<>(row.values().keySet());
        names.addAll(row.keyColumns());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Identifiers.quote(row.table())).append(" (");
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Identifiers.quote(names.get(i)));
        }
        sql.append(") VALUES (").append("?, ".repeat(names.size() - 1)).append("?)");
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object value : row.values().values()) {
                insert.setObject(i++, value);
            }
            for (int k = 0; k < row.keyColumns().size(); k++) {
                insert.setLong(i++, key);
            }
            insert.executeUpdate();
        }
        return key;
    }

    private static void ledger(Connection connection, IncomingEvent event, Instant receivedAt, long key)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ingested_events VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.eventId());
            insert.setLong(2, event.customerId());
            insert.setString(3, event.type());
            insert.setObject(4, LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
            insert.setObject(5, LocalDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
            insert.setLong(6, key);
            insert.executeUpdate();
        }
    }

    private static Set<String> known(Connection connection, List<IncomingEvent> events) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_id FROM ingested_events WHERE event_id IN (SELECT unnest(?))")) {
            select.setObject(1, connection.createArrayOf("VARCHAR",
                    events.stream().map(IncomingEvent::eventId).distinct().toArray()));
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static void unknownCustomers(Connection connection, List<IncomingEvent> events, List<String> issues)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT c FROM (SELECT unnest(?) AS c) WHERE c NOT IN (SELECT customer_id FROM customers)")) {
            select.setObject(1, connection.createArrayOf("BIGINT",
                    events.stream().map(IncomingEvent::customerId).distinct().toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    issues.add("unknown customer " + rs.getLong(1));
                }
            }
        }
    }

    private List<EventRows.Column> tableColumns(Catalog catalog, String type) {
        return catalog.event(type).map(spec -> columns.computeIfAbsent(spec.table(), this::readColumns)).orElse(List.of());
    }

    private List<EventRows.Column> readColumns(String table) {
        try (Connection connection = warehouse.connection();
             PreparedStatement select = connection.prepareStatement("SELECT column_name, data_type, is_nullable "
                     + "FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
            select.setString(1, table);
            List<EventRows.Column> result = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(new EventRows.Column(rs.getString(1), rs.getString(2), "YES".equals(rs.getString(3))));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the columns of " + table + ": " + e.getMessage(), e);
        }
    }
}
