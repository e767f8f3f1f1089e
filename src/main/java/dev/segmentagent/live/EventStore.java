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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
                List<Map.Entry<IncomingEvent, EventRows.Row>> fresh = new ArrayList<>();
                for (Map.Entry<IncomingEvent, EventRows.Row> entry : rows.entrySet()) {
                    if (!seen.add(entry.getKey().eventId())) {
                        duplicates.add(entry.getKey().eventId());
                    } else {
                        fresh.add(entry);
                    }
                }
                // One key query and one prepared statement per table for the whole batch: preparing and
                // drawing a key per event made ingestion cost ~5 ms an event (the load run's figure).
                long[] keys = nextKeys(connection, fresh.size());
                Map<String, PreparedStatement> statements = new HashMap<>();
                try {
                    for (int i = 0; i < fresh.size(); i++) {
                        IncomingEvent event = fresh.get(i).getKey();
                        EventRows.Row row = fresh.get(i).getValue();
                        insert(connection, statements, row, keys[i]);
                        ledger(connection, statements, event, receivedAt, keys[i]);
                        accepted.add(event);
                        customers.add(event.customerId());
                        touched.add(row.table());
                        touched.add(event.type());
                    }
                } finally {
                    for (PreparedStatement statement : statements.values()) {
                        statement.close();
                    }
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

    private static long[] nextKeys(Connection connection, int count) throws SQLException {
        long[] keys = new long[count];
        if (count == 0) {
            return keys;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT nextval('ingested_row_key') FROM range(?)")) {
            select.setLong(1, count);
            try (ResultSet rs = select.executeQuery()) {
                for (int i = 0; i < count; i++) {
                    if (!rs.next()) {
                        throw new SQLException("the key sequence gave " + i + " of " + count + " keys");
                    }
                    keys[i] = rs.getLong(1);
                }
            }
        }
        return keys;
    }

    private static PreparedStatement prepared(Connection connection, Map<String, PreparedStatement> statements,
                                              String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private static void insert(Connection connection, Map<String, PreparedStatement> statements, EventRows.Row row,
                               long key) throws SQLException {
        List<String> names = new ArrayList<>(row.values().keySet());
        names.addAll(row.keyColumns());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Identifiers.quote(row.table())).append(" (");
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Identifiers.quote(names.get(i)));
        }
        sql.append(") VALUES (").append("?, ".repeat(names.size() - 1)).append("?)");
        PreparedStatement insert = prepared(connection, statements, sql.toString());
        int i = 1;
        for (Object value : row.values().values()) {
            insert.setObject(i++, value);
        }
        for (int k = 0; k < row.keyColumns().size(); k++) {
            insert.setLong(i++, key);
        }
        insert.executeUpdate();
    }

    private static void ledger(Connection connection, Map<String, PreparedStatement> statements, IncomingEvent event,
                               Instant receivedAt, long key) throws SQLException {
        PreparedStatement insert = prepared(connection, statements, "INSERT INTO ingested_events VALUES (?, ?, ?, ?, ?, ?)");
        insert.setString(1, event.eventId());
        insert.setLong(2, event.customerId());
        insert.setString(3, event.type());
        insert.setObject(4, LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
        insert.setObject(5, LocalDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
        insert.setLong(6, key);
        insert.executeUpdate();
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
