package dev.segmentagent.ingest;

import dev.segmentagent.warehouse.SqlNames;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and checks key columns: the customers key (named, or inferred from its name and uniqueness) must be
 * unique, non-null and whole numbers; the customer column of orders/events non-null whole numbers.
 */
final class KeyCheck {

    /** Names tried, in order, when no key column is given. */
    static final List<String> KEY_NAMES = List.of("customer_id", "id", "cust_id", "customerid", "client_id",
            "user_id", "member_id", "account_id", "customer_number", "customer_no", "customer");

    private KeyCheck() {
    }

    /** The customers key: the named column (checked), else the first candidate that is unique, non-null and whole. */
    static ImportedColumn customersKey(Statement s, LoadedTable table, String named) throws SQLException {
        if (named != null) {
            ImportedColumn key = table.column(named).orElseThrow(() -> new ImportException("unknown-key-column",
                    table.role(), "no column \"" + named + "\" in " + table.source().describe() + "; columns: "
                    + table.columns().stream().map(ImportedColumn::source).toList()));
            requireKey(s, table, key, true);
            return key;
        }
        List<ImportedColumn> candidates = new ArrayList<>();
        for (String name : KEY_NAMES) {
            table.columns().stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(candidates::add);
        }
        table.columns().stream().filter(c -> c.name().endsWith("_id") && !candidates.contains(c)).forEach(candidates::add);
        for (ImportedColumn c : candidates) {
            if (problems(s, table, c, true).isEmpty()) {
                return c;
            }
        }
        if (!candidates.isEmpty()) {
            requireKey(s, table, candidates.get(0), true); // throws with the reason and rows
        }
        throw new ImportException("no-key-column", table.role(), "no key column found in " + table.source().describe()
                + " (tried " + KEY_NAMES + " and *_id); name it with --id-column");
    }

    /** The column of orders/events holding the customer: named, the customers key's name, or a usual name. */
    static ImportedColumn customerReference(Statement s, LoadedTable table, String named, ImportedColumn customersKey)
            throws SQLException {
        Optional<ImportedColumn> found = named != null ? table.column(named)
                : table.column(customersKey.source()).or(() -> KEY_NAMES.stream().filter(n -> !n.equals("id"))
                .map(table::column).flatMap(Optional::stream).findFirst());
        ImportedColumn column = found.orElseThrow(() -> new ImportException("no-customer-column", table.role(),
                "no customer column found in " + table.source().describe() + "; name it with --customer-column"));
        requireKey(s, table, column, false);
        return column;
    }

    private static void requireKey(Statement s, LoadedTable table, ImportedColumn key, boolean unique) throws SQLException {
        List<ImportException> found = problems(s, table, key, unique);
        if (!found.isEmpty()) {
            throw found.get(0);
        }
    }

    private static List<ImportException> problems(Statement s, LoadedTable table, ImportedColumn key, boolean unique)
            throws SQLException {
        String col = SqlNames.quote(key.name());
        String from = " FROM " + table.table();
        String limit = " ORDER BY " + LoadedTable.ROW + " LIMIT " + ImportException.MAX_ROWS;
        List<ImportException> problems = new ArrayList<>();
        List<Long> nulls = positions(s, table, "SELECT " + LoadedTable.ROW + from + " WHERE " + col + " IS NULL" + limit);
        if (!nulls.isEmpty()) {
            problems.add(new ImportException("null-key", table.role(), "key column \"" + key.source() + "\" is empty at "
                    + table.unit() + "s " + nulls, nulls, table.unit()));
        }
        if (key.kind() != ColumnKind.BIGINT) {
            List<Long> bad = positions(s, table, "SELECT " + LoadedTable.ROW + from + " WHERE " + col
                    + " IS NOT NULL AND try_cast(" + col + " AS BIGINT) IS NULL" + limit);
            if (!bad.isEmpty() || key.kind() != ColumnKind.VARCHAR) {
                problems.add(new ImportException("key-not-integer", table.role(), "key column \"" + key.source()
                        + "\" must hold whole numbers; it does not at " + table.unit() + "s " + bad, bad, table.unit()));
            }
        }
        if (unique) {
            List<Long> dups = positions(s, table, "SELECT " + LoadedTable.ROW + from + " WHERE " + col + " IN (SELECT "
                    + col + from + " GROUP BY 1 HAVING count(*) > 1)" + limit);
            if (!dups.isEmpty()) {
                problems.add(new ImportException("duplicate-key", table.role(), "key column \"" + key.source()
                        + "\" repeats values at " + table.unit() + "s " + dups, dups, table.unit()));
            }
        }
        return problems;
    }

    private static List<Long> positions(Statement s, LoadedTable table, String sql) throws SQLException {
        List<Long> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(table.userPosition(rs.getLong(1)));
            }
        }
        return rows;
    }
}
