package dev.segmentagent.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each segment's stored member set in three numbers, kept in {@code segment_fingerprints}: its size and the XOR
 * of two 64-bit hashes of its customer ids (DuckDB's murmur mix of the id, and of the id XOR a salt). A full
 * refresh compares a new set with the stored one by these: two different sets of distinct ids agree on all
 * three by chance about once in 2^128 comparisons. Recomputing the stored side meant scanning every member row
 * of every refreshed segment on every run (255M rows at the bench's 1,000 segments over 1M customers), so the numbers are
 * stored, and every writer of {@code segment_members} keeps them in the same transaction as its write: a full
 * refresh stores the new set's numbers ({@link MemberSwap}), the event path folds its entries and exits in
 * (XOR is its own inverse, so one hash per changed id does; {@link #apply}), and a deleted segment's row goes
 * with its members ({@link #forget}). A segment without a row (members written before this table existed) is
 * fingerprinted by scanning its members, and gets its row from that refresh on.
 */
final class MemberFingerprints {

    static final String TABLE = "segment_fingerprints";
    /** XORed into each id before the second hash, so that the two hashes are unrelated. */
    private static final long SALT = 0x5DEECE66DL * 0x9E3779B9L;

    private MemberFingerprints() {
    }

    /**
     * The aggregates giving a set's numbers, over the BIGINT column {@code column}: size, h1, h2. Over no rows
     * the hashes are NULL: {@link #orEmpty} turns them into the empty set's 0.
     */
    static String sums(String column) {
        return "count(*) AS size, bit_xor(hash(" + column + ")) AS h1, bit_xor(hash(xor(" + column + ", " + SALT
                + "))) AS h2";
    }

    /** {@code alias}'s size, h1 and h2 (as {@link #sums} names them), an empty or absent set's being 0. */
    static String orEmpty(String alias) {
        return "coalesce(" + alias + ".size, 0) AS size, coalesce(" + alias + ".h1, 0::UBIGINT) AS h1, coalesce("
                + alias + ".h2, 0::UBIGINT) AS h2";
    }

    /** A set's numbers, the hashes as DuckDB prints them (they are unsigned 64-bit). */
    record Numbers(long size, String h1, String h2) {}

    /**
     * A segment's stored numbers, the version all its member rows carry, and whether the last full refresh found
     * its set changed (then the next one evaluates it straight away: an aggregate first would only find the
     * change again, and the set would be evaluated twice).
     */
    record Stored(int version, Numbers numbers, boolean changedLastRefresh) {}

    /** The stored numbers of these segments (ids as text), by segment id; a segment without a row is absent. */
    static Map<String, Stored> stored(Connection connection, Collection<String> segmentIds) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        if (segmentIds.isEmpty()) {
            return stored;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT segment_id, version, size, h1::VARCHAR,"
                + " h2::VARCHAR, changed FROM " + TABLE + " WHERE segment_id IN (SELECT unnest(?::VARCHAR[]))")) {
            select.setObject(1, connection.createArrayOf("VARCHAR", segmentIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), new Stored(rs.getInt(2),
                            new Numbers(rs.getLong(3), rs.getString(4), rs.getString(5)), rs.getBoolean(6)));
                }
            }
        }
        return stored;
    }

    /**
     * Folds the event path's write into the stored numbers, on the connection of its write transaction: segment
     * {@code segmentIds[i]} now has version {@code versions[i]} on every member row, {@code entered[i]} entered
     * it and {@code exited[i]} left it. A segment without a stored row keeps none (its next full refresh scans
     * it). Nothing runs when nothing moved and no version changed ({@code versionChanged}).
     */
    static void apply(Connection connection, String[] segmentIds, int[] versions, long[][] entered, long[][] exited,
                      boolean versionChanged) throws SQLException {
        List<Object> segments = new ArrayList<>();
        List<Object> customers = new ArrayList<>();
        List<Object> deltas = new ArrayList<>();
        for (int i = 0; i < segmentIds.length; i++) {
            for (long customer : entered[i]) {
                segments.add(segmentIds[i]);
                customers.add(customer);
                deltas.add(1);
            }
            for (long customer : exited[i]) {
                segments.add(segmentIds[i]);
                customers.add(customer);
                deltas.add(-1);
            }
        }
        if (segments.isEmpty() && !versionChanged) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " AS f SET version = c.version,"
                + " size = f.size + coalesce(c.delta, 0), h1 = xor(f.h1, coalesce(c.h1, 0::UBIGINT)),"
                + " h2 = xor(f.h2, coalesce(c.h2, 0::UBIGINT)) FROM (SELECT s.segment_id, s.version, d.delta, d.h1, d.h2"
                + " FROM (SELECT unnest(?::VARCHAR[]) AS segment_id, unnest(?::INTEGER[]) AS version) AS s LEFT JOIN"
                + " (SELECT segment_id, sum(delta) AS delta, bit_xor(hash(customer_id)) AS h1,"
                + " bit_xor(hash(xor(customer_id, " + SALT + "))) AS h2 FROM (SELECT unnest(?::VARCHAR[]) AS segment_id,"
                + " unnest(?::BIGINT[]) AS customer_id, unnest(?::INTEGER[]) AS delta) GROUP BY segment_id) AS d"
                + " ON d.segment_id = s.segment_id) AS c WHERE f.segment_id = c.segment_id")) {
            update.setObject(1, connection.createArrayOf("VARCHAR", segmentIds));
            update.setObject(2, connection.createArrayOf("INTEGER", Arrays.stream(versions).boxed().toArray()));
            update.setObject(3, connection.createArrayOf("VARCHAR", segments.toArray()));
            update.setObject(4, connection.createArrayOf("BIGINT", customers.toArray()));
            update.setObject(5, connection.createArrayOf("INTEGER", deltas.toArray()));
            update.executeUpdate();
        }
    }

    /** Removes a segment's numbers (its members are being deleted in the same transaction). */
    static void forget(Connection connection, String segmentId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE segment_id = ?")) {
            delete.setString(1, segmentId);
            delete.executeUpdate();
        }
    }
}
