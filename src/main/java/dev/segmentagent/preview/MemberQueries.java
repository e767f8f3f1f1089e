package dev.segmentagent.preview;

import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.sqlgen.SqlFragment;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Members of a prepared definition: a page (server-side, ordered by id) or all of them as CSV. */
@Singleton
public class MemberQueries {

    public static final int MAX_PAGE_SIZE = 1000;

    private final DefinitionPipeline pipeline;
    private final PolicedQueries queries;

    MemberQueries(DefinitionPipeline pipeline, PolicedQueries queries) {
        this.pipeline = pipeline;
        this.queries = queries;
    }

    public record Members(long total, List<String> fields, List<Map<String, Object>> rows) {}

    public Members page(PreparedDefinition prepared, int page, int size, boolean personalData) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        List<String> fields = fields(prepared, personalData);
        SqlFragment where = pipeline.predicate(prepared.definition().condition(), prepared);
        long total = queries.query(prepared.catalog(), "SELECT count(*) FROM customer_features f WHERE " + where.sql(), where.params(),
                rs -> {
                    rs.next();
                    return rs.getLong(1);
                });
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) page * size);
        List<Map<String, Object>> rows = queries.query(prepared.catalog(), select(fields, where) + " ORDER BY f.customer_id LIMIT ? OFFSET ?",
                params, PreviewService::rows);
        return new Members(total, fields, rows);
    }

    /** Writes header + one line per member, streaming from DuckDB; returns the number of members written. */
    public long writeCsv(PreparedDefinition prepared, Writer out, boolean personalData) {
        List<String> fields = fields(prepared, personalData);
        SqlFragment where = pipeline.predicate(prepared.definition().condition(), prepared);
        List<String> header = new ArrayList<>();
        header.add("customer_id");
        header.addAll(fields);
        return queries.query(prepared.catalog(), select(fields, where) + " ORDER BY f.customer_id", where.params(), rs -> {
            try {
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                        .setHeader(header.toArray(String[]::new)).get());
                long count = 0;
                int columns = header.size();
                Object[] record = new Object[columns];
                while (rs.next()) {
                    for (int c = 0; c < columns; c++) {
                        record[c] = JsonValues.of(rs.getObject(c + 1));
                    }
                    printer.printRecord(record);
                    count++;
                }
                printer.flush();
                return count;
            } catch (IOException e) {
                throw new UncheckedIOException("writing the CSV export failed", e);
            }
        });
    }

    /** The definition's own non-personal fields, then (when the caller may and asked) every personal field. */
    private static List<String> fields(PreparedDefinition prepared, boolean personalData) {
        List<String> fields = new ArrayList<>(UsedFields.displayable(prepared.definition().condition(), prepared.catalog()));
        if (personalData) {
            prepared.catalog().fields().stream().filter(FieldSpec::pii).filter(f -> !f.deprecated())
                    .map(FieldSpec::name).forEach(fields::add);
        }
        return fields;
    }

    private static String select(List<String> fields, SqlFragment where) {
        StringBuilder sql = new StringBuilder("SELECT f.customer_id");
        for (String field : fields) {
            sql.append(", f.").append(dev.segmentagent.sqlgen.Identifiers.quote(field));
        }
        return sql.append(" FROM customer_features f WHERE ").append(where.sql()).toString();
    }
}
