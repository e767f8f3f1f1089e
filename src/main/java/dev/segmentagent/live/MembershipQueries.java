package dev.segmentagent.live;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of the materialised memberships: per customer, timelines, overlaps. Fixed SQL, bound values. */
@Singleton
class MembershipQueries {

    private final DuckDbWarehouse warehouse;

    MembershipQueries(DuckDbWarehouse warehouse, MembershipTable tablesCreated) {
        this.warehouse = warehouse;
    }

    record Membership(UUID segmentId, int version, Instant enteredAt) {}

    record Change(UUID segmentId, String change, UUID runId, int version, Instant at) {}

    List<Membership> current(long customerId) {
        return query("SELECT segment_id, version, entered_at FROM segment_members WHERE customer_id = ? ORDER BY entered_at, segment_id",
                List.of(customerId), rs -> new Membership(UUID.fromString(rs.getString(1)), rs.getInt(2), instant(rs, 3)));
    }

    List<Change> timeline(long customerId, int limit) {
        return query("SELECT segment_id, change, run_id, version, changed_at FROM segment_membership_history "
                        + "WHERE customer_id = ? ORDER BY changed_at DESC, change DESC, segment_id LIMIT ?", List.of(customerId, limit),
                rs -> new Change(UUID.fromString(rs.getString(1)), rs.getString(2), UUID.fromString(rs.getString(3)),
                        rs.getInt(4), instant(rs, 5)));
    }

    /** Pairwise shared members of the segments: (a, b) -> count, a == b giving each size. */
    Map<UUID, Map<UUID, Long>> overlap(List<UUID> segments) {
        Map<UUID, Map<UUID, Long>> matrix = new LinkedHashMap<>();
        for (UUID a : segments) {
            Map<UUID, Long> row = new LinkedHashMap<>();
            segments.forEach(b -> row.put(b, 0L));
            matrix.put(a, row);
        }
        Object[] ids = segments.stream().map(UUID::toString).toArray();
        String sql = "SELECT a.segment_id, b.segment_id, count(*) FROM segment_members a JOIN segment_members b "
                + "ON a.customer_id = b.customer_id WHERE a.segment_id IN (SELECT unnest(?)) "
                + "AND b.segment_id IN (SELECT unnest(?)) GROUP BY 1, 2";
        try (Connection connection = warehouse.connection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, connection.createArrayOf("VARCHAR", ids));
            select.setObject(2, connection.createArrayOf("VARCHAR", ids));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    matrix.get(UUID.fromString(rs.getString(1))).put(UUID.fromString(rs.getString(2)), rs.getLong(3));
                }
            }
            return matrix;
        } catch (SQLException e) {
            throw new WarehouseException("overlap query failed: " + e.getMessage(), e);
        }
    }

    long size(UUID segmentId) {
        return query("SELECT count(*) FROM segment_members WHERE segment_id = ?", List.of(segmentId.toString()),
                rs -> rs.getLong(1)).get(0);
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, RowReader<T> reader) {
        try (Connection connection = warehouse.connection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                select.setObject(i + 1, params.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new WarehouseException("membership query failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
