package dev.segmentagent.ingest;

import java.nio.file.Path;
import java.util.Locale;

/** Where one imported table comes from: a file DuckDB reads, or a query on a JDBC database. */
public sealed interface ImportSource {

    /** How a source is named in reports and in warehouse_meta. */
    String describe();

    enum Format { CSV, PARQUET, JSON }

    /** A file read by DuckDB's own reader for its format. */
    record File(Path path, Format format) implements ImportSource {
        public File {
            path = path.toAbsolutePath().normalize();
        }

        /** The format from the extension: .csv/.tsv/.txt, .parquet/.pq, .json/.ndjson/.jsonl (gzip too). */
        public static File of(Path path) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
            Format format;
            if (name.endsWith(".parquet") || name.endsWith(".pq")) {
                format = Format.PARQUET;
            } else if (name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
                format = Format.JSON;
            } else if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
                format = Format.CSV;
            } else {
                throw new ImportException("unknown-format", null, "cannot tell the format of " + path
                        + " from its extension (use .csv, .tsv, .parquet, .json, .ndjson or .jsonl)");
            }
            return new File(path, format);
        }

        @Override
        public String describe() {
            return format.name().toLowerCase(Locale.ROOT) + ":" + path;
        }
    }

    /**
     * Rows of a query (or a whole table) on a JDBC database, e.g. PostgreSQL. The password is never recorded.
     *
     * @param query a table name or a SELECT; a bare name is read as {@code SELECT * FROM name}
     */
    record Jdbc(String url, String user, String password, String query) implements ImportSource {
        public String select() {
            return query.trim().matches("(?is)^(select|with)\\s.*") ? query : "SELECT * FROM " + query.trim();
        }

        @Override
        public String describe() {
            return "jdbc:" + url.replaceFirst("^jdbc:", "").replaceAll("(?i)(password=)[^&;]*", "$1***") + " " + query;
        }
    }
}
