package dev.segmentagent.live;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.sqlgen.Identifiers;
import dev.segmentagent.warehouse.CustomerIndexes;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.Rollback;
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
        long t0 = System.nanoTime();
        try (Connection connection = warehouse.connection()) {
            unknownCustomers(connection, events, issues);
            long t1 = System.nanoTime();
            if (!issues.isEmpty()) {
                throw new EventRejectedException(issues);
            }
            connection.setAutoCommit(false);
            try {
                Set<String> seen = known(connection, events);
                long t2 = System.nanoTime();
                List<IncomingEvent> accepted = new ArrayList<>();
                List<String> duplicates = new ArrayList<>();
                Set<Long> customers = new HashSet<>();
                Set<String> touched = new HashSet<>();
                List<Map.Entry<IncomingEvent, EventRows.Row>> fresh = new ArrayList<>();
                for (Map.Entry<IncomingEvent, EventRows.Row> entry : rows.entrySet()) {
                    IncomingEvent event = entry.getKey();
                    if (!seen.add(event.eventId())) {
                        duplicates.add(event.eventId());
                        continue;
                    }
                    fresh.add(entry);
                    accepted.add(event);
                    customers.add(event.customerId());
                    touched.add(entry.getValue().table());
                    touched.add(event.type());
                }
                // set-based: a few multi-row statements per batch, not three statements per event (which held
                // ingestion to a few dozen events per second)
                long[] keys = nextKeys(connection, fresh.size());
                long t3 = System.nanoTime();
                insertRows(connection, fresh, keys);
                long t4 = System.nanoTime();
                ledger(connection, fresh, receivedAt, keys);
                long t5 = System.nanoTime();
                connection.commit();
                if (LOG.isDebugEnabled()) {
                    LOG.debug("stored {} events: customers check {} ms, duplicates {} ms, keys {} ms, rows {} ms, "
                                    + "ledger {} ms, commit {} ms", fresh.size(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2),
                            ms(t4 - t3), ms(t5 - t4), ms(System.nanoTime() - t5));
                }
                return new Stored(accepted, duplicates, customers, touched);
            } catch (SQLException | RuntimeException e) {
                Rollback.keepingCause(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("storing events failed: " + e.getMessage(), e);
        }
    }


    private static final int ROWS_PER_STATEMENT = 500;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventStore.class);

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long[] nextKeys(Connection connection, int count) throws SQLException {
        long[] keys = new long[count];
        if (count == 0) {
            return keys;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT nextval('ingested_row_key') FROM range(?)")) {
            select.setLong(1, count);
            try (ResultSet rs = select.executeQuery()) {
                for (int i = 0; i < count && rs.next(); i++) {
                    keys[i] = rs.getLong(1);
                }
            }
        }
        return keys;
    }

    /** One multi-row INSERT per table and column list (and per 500 rows). */
    private static void insertRows(Connection connection, List<Map.Entry<IncomingEvent, EventRows.Row>> fresh,
                                   long[] keys) throws SQLException {
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            EventRows.Row row = fresh.get(i).getValue();
            List<String> shape = new ArrayList<>();
            shape.add(row.table());
            shape.addAll(row.values().keySet());
            shape.add("|");
            shape.addAll(row.keyColumns());
            groups.computeIfAbsent(shape, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            EventRows.Row first = fresh.get(group.get(0)).getValue();
            List<String> names = new ArrayList<>(first.values().keySet());
            names.addAll(first.keyColumns());
            StringBuilder head = new StringBuilder("INSERT INTO ").append(Identifiers.quote(first.table())).append(" (");
            for (int i = 0; i < names.size(); i++) {
                head.append(i == 0 ? "" : ", ").append(Identifiers.quote(names.get(i)));
            }
            head.append(") VALUES ");
            String tuple = "(" + "?, ".repeat(names.size() - 1) + "?)";
            for (int from = 0; from < group.size(); from += ROWS_PER_STATEMENT) {
                List<Integer> chunk = group.subList(from, Math.min(group.size(), from + ROWS_PER_STATEMENT));
                StringBuilder sql = new StringBuilder(head);
                for (int r = 0; r < chunk.size(); r++) {
                    sql.append(r == 0 ? "" : ", ").append(tuple);
                }
                try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (int index : chunk) {
                        EventRows.Row row = fresh.get(index).getValue();
                        for (Object value : row.values().values()) {
                            insert.setObject(p++, value);
                        }
                        for (int k = 0; k < row.keyColumns().size(); k++) {
                            insert.setLong(p++, keys[index]);
                        }
                    }
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void ledger(Connection connection, List<Map.Entry<IncomingEvent, EventRows.Row>> fresh,
                               Instant receivedAt, long[] keys) throws SQLException {
        LocalDateTime received = LocalDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
        for (int from = 0; from < fresh.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(fresh.size(), from + ROWS_PER_STATEMENT);
            StringBuilder sql = new StringBuilder("INSERT INTO ingested_events VALUES ");
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (int i = from; i < to; i++) {
                    IncomingEvent event = fresh.get(i).getKey();
                    insert.setString(p++, event.eventId());
                    insert.setLong(p++, event.customerId());
                    insert.setString(p++, event.type());
                    insert.setObject(p++, LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
                    insert.setObject(p++, received);
                    insert.setLong(p++, keys[i]);
                }
                insert.executeUpdate();
            }
        }
    }

    private static Set<String> known(Connection connection, List<IncomingEvent> events) throws SQLException {
        Object[] ids = events.stream().map(IncomingEvent::eventId).distinct().toArray();
        if (ids.length == 0) {
            return new HashSet<>();
        }
        // the ledger grows by every event ever ingested: few ids are looked up in its primary-key index
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_id FROM ingested_events WHERE event_id " + idsIn(ids.length))) {
            bindIds(select, connection, "VARCHAR", ids);
            Set<String> seen = new HashSet<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    seen.add(rs.getString(1));
                }
            }
            return seen;
        }
    }

    /**
     * Which of the batch's customers exist: the batch's few ids are the filter;
     * {@code NOT IN (SELECT customer_id FROM customers)} built a hash table of every customer per batch (~1M
     * rows at scale), which held ingestion to about a hundred events a second.
     */
    private static void unknownCustomers(Connection connection, List<IncomingEvent> events, List<String> issues)
            throws SQLException {
        java.util.SortedSet<Long> ids = new java.util.TreeSet<>();
        events.forEach(e -> ids.add(e.customerId()));
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> known = new HashSet<>();
        // few ids are looked up in the customers index (CustomerIndexes) instead of reading every customer id
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT customer_id FROM customers WHERE customer_id " + idsIn(ids.size()))) {
            bindIds(select, connection, "BIGINT", ids.toArray());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getLong(1));
                }
            }
        }
        for (long id : ids) {
            if (!known.contains(id)) {
                issues.add("unknown customer " + id);
            }
        }
    }

    /**
     * A filter on {@code count} ids: up to {@link CustomerIndexes#LIST_LIMIT} of them as bound values, which DuckDB
     * answers from the column's index; more as one array parameter, semi-joined (a scan, but one plan).
     */
    private static String idsIn(int count) {
        return count <= CustomerIndexes.LIST_LIMIT ? "IN (" + "?, ".repeat(count - 1) + "?)" : "IN (SELECT unnest(?))";
    }

    /** Binds {@code ids} (non-empty, of SQL type {@code sqlType}) for {@link #idsIn}. */
    private static void bindIds(PreparedStatement statement, Connection connection, String sqlType, Object[] ids)
            throws SQLException {
        if (ids.length <= CustomerIndexes.LIST_LIMIT) {
            for (int i = 0; i < ids.length; i++) {
                statement.setObject(i + 1, ids[i]);
            }
        } else {
            statement.setObject(1, connection.createArrayOf(sqlType, ids));
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
