package dev.segmentagent.sqlgen;

import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.segmentagent.catalog.FeatureBuilder;
import dev.segmentagent.warehouse.DemoDataGenerator;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.GeneratorOptions;
import dev.segmentagent.warehouse.ProgressReporter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beyond one machine: the same definitions compiled for Spark SQL select exactly DuckDB's members. The demo
 * shop of {@link DemoDataCompilerProperties} (2,000 customers, features built, seeded model outputs) is
 * built again from its seed and exported to Parquet, as a Spark cluster would read it from object storage; Spark runs in local mode on
 * those files with the statements' bind parameters passed as Spark's positional parameters. Random valid
 * definitions over the real catalog cover every node kind (events with windows, property filters and
 * thresholds, scores, clusters, nested saved segments).
 */
class SparkDialectAgreementProperties {

    static final Path[] WAREHOUSE_FILE = new Path[1];
    static final Path PARQUET = parquetExport();
    /** DuckDB's side of every comparison: the exported file itself, opened as the service opens its warehouse. */
    static final DuckDbWarehouse DUCKDB = DuckDbWarehouse.openFile(WAREHOUSE_FILE[0]);
    static final SegmentExecutor EXECUTOR = new SegmentExecutor(DUCKDB, SqlPolicy.forCatalog(DemoDataCompilerProperties.CATALOG));
    static final SparkSession SPARK = localSpark();
    static final SegmentCompiler SPARK_COMPILER = new SegmentCompiler(SqlDialect.SPARK);
    static final SegmentCompiler DUCKDB_COMPILER = new SegmentCompiler();
    static final AtomicInteger CHECKED = new AtomicInteger();
    static final AtomicInteger NON_EMPTY = new AtomicInteger();
    static final AtomicLong DUCKDB_NANOS = new AtomicLong();
    static final AtomicLong SPARK_NANOS = new AtomicLong();

    @Provide
    Arbitrary<SegmentDefinition> definitions() {
        return new DemoDataCompilerProperties().definitions();
    }

    @Property(tries = 40, seed = "20261201", edgeCases = EdgeCasesMode.NONE)
    void spark_sql_selects_exactly_the_duckdb_members(@ForAll("definitions") SegmentDefinition definition) {
        CompiledSegment duck = DUCKDB_COMPILER.compile(definition, DemoDataCompilerProperties.COMPILE);
        CompiledSegment spark = SPARK_COMPILER.compile(definition, DemoDataCompilerProperties.COMPILE);

        long t0 = System.nanoTime();
        TreeSet<Long> expected = new TreeSet<>(EXECUTOR.members(duck));
        long t1 = System.nanoTime();
        TreeSet<Long> actual = sparkMembers(spark);
        long t2 = System.nanoTime();

        assertThat(actual).as("%s%nSpark SQL: %s%nparams: %s", SegmentJson.toJson(definition), spark.sql(), spark.params())
                .containsExactlyElementsOf(expected);
        assertThat(spark.params()).as("the same values bound, in the same order").isEqualTo(duck.params());
        DUCKDB_NANOS.addAndGet(t1 - t0);
        SPARK_NANOS.addAndGet(t2 - t1);
        CHECKED.incrementAndGet();
        if (!expected.isEmpty()) {
            NON_EMPTY.incrementAndGet();
        }
    }

    /**
     * Write-back: a Spark job materialises a segment's members as Parquet, and DuckDB reads them back into
     * the set it would have computed itself (the path memberships take from a cluster into this service).
     */
    @Example
    void members_written_by_spark_read_back_into_duckdb_unchanged() throws Exception {
        SegmentDefinition definition = SegmentJson.parse("""
                {"condition": {"type": "and", "conditions": [
                  {"type": "compare", "field": "orders_count", "op": ">=", "value": 2},
                  {"type": "event", "event": "purchase", "did": true, "window": {"lastDays": 365}}]}}""");
        CompiledSegment spark = SPARK_COMPILER.compile(definition, DemoDataCompilerProperties.COMPILE);
        Path out = PARQUET.resolve("members-out");
        SPARK.sql(spark.sql(), spark.params().toArray()).write().mode(SaveMode.Overwrite).parquet(out.toString());

        TreeSet<Long> readBack = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT customer_id FROM read_parquet('" + out + "/*.parquet')")) {
            while (rs.next()) {
                readBack.add(rs.getLong(1));
            }
        }
        List<Long> duck = EXECUTOR.members(
                DUCKDB_COMPILER.compile(definition, DemoDataCompilerProperties.COMPILE));
        assertThat(readBack).isNotEmpty().containsExactlyElementsOf(new TreeSet<>(duck));
    }

    @Example
    void dialects_differ_only_in_quoting_and_day_of_week() {
        SegmentDefinition weekend = SegmentJson.parse("""
                {"condition": {"type": "compare", "field": "orders_count", "op": ">", "value": 1}}""");
        assertThat(SPARK_COMPILER.compile(weekend, DemoDataCompilerProperties.COMPILE).sql())
                .isEqualTo("SELECT f.customer_id FROM `customer_features` f WHERE COALESCE(f.`orders_count` > ?, FALSE)");
        assertThat(SqlDialect.SPARK.isoDayOfWeek("e.`ts`")).isEqualTo("(weekday(e.`ts`) + 1)");
    }

    @AfterContainer
    static void report() {
        if (CHECKED.get() > 0) {
            System.out.printf("Spark agreement: %d definitions (%d non-empty) gave identical members; DuckDB %.1f ms, "
                            + "Spark local %.1f ms per definition on 2,000 customers%n", CHECKED.get(), NON_EMPTY.get(),
                    DUCKDB_NANOS.get() / 1e6 / CHECKED.get(), SPARK_NANOS.get() / 1e6 / CHECKED.get());
        }
        SPARK.stop();
        DUCKDB.close();
    }

    private static TreeSet<Long> sparkMembers(CompiledSegment compiled) {
        TreeSet<Long> members = new TreeSet<>();
        for (Row row : SPARK.sql(compiled.sql(), compiled.params().toArray()).collectAsList()) {
            members.add(row.getLong(0));
        }
        return members;
    }

    /**
     * The same demo shop as {@link DemoDataCompilerProperties} (same seed), built into a DuckDB file and every
     * table exported as one Parquet file, the form a distributed engine reads. The service's warehouse has
     * external access off, so the export runs on a separate plain connection to the closed file.
     */
    private static Path parquetExport() {
        try {
            Path dir = Files.createTempDirectory(Path.of("target"), "spark-dialect-").toAbsolutePath();
            Path file = dir.resolve("demo.duckdb");
            try (DuckDbWarehouse warehouse = DuckDbWarehouse.openFile(file)) {
                new DemoDataGenerator().generate(warehouse, GeneratorOptions.defaults(DemoDataCompilerProperties.SEED)
                        .withCustomers(DemoDataCompilerProperties.CUSTOMERS), ProgressReporter.silent());
                DemoDataCompilerProperties.seedModels(warehouse, DemoDataCompilerProperties.CATALOG,
                        new Random(DemoDataCompilerProperties.SEED));
                new FeatureBuilder().build(warehouse, DemoDataCompilerProperties.CATALOG, DemoDataCompilerProperties.AS_OF);
            }
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    s.execute("COPY (SELECT * FROM " + Identifiers.quote(table) + ") TO '"
                            + dir.resolve(table + ".parquet") + "' (FORMAT parquet)");
                }
            }
            WAREHOUSE_FILE[0] = file;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SparkSession localSpark() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("segment-agent-dialect-check")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.warehouse.dir", PARQUET.resolve("spark-warehouse").toString())
                .getOrCreate();
        try (var files = Files.list(PARQUET)) {
            files.filter(p -> p.toString().endsWith(".parquet")).forEach(p -> {
                String name = p.getFileName().toString().replace(".parquet", "");
                spark.read().parquet(p.toString()).createOrReplaceTempView(name);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spark;
    }
}
