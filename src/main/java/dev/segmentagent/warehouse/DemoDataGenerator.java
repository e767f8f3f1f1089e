package dev.segmentagent.warehouse;

import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills the warehouse with a deterministic demo shop: customers with planted personas (the ground truth in
 * {@code planted_personas}) and their orders, web sessions, emails, SMS and support tickets.
 *
 * <p>Customers are simulated in batches on worker threads, each customer from its own random stream, and
 * the batches are appended in customer order by one loader, so a seed always gives the same tables,
 * the same ids included, however many threads ran.
 */
public final class DemoDataGenerator {

    /** Tables the generator owns and replaces. */
    static final List<String> GENERATED_TABLES = List.of("customers", "orders", "order_items", "web_events",
            "email_messages", "sms_messages", "support_tickets", "planted_personas", "warehouse_meta");
    /** Derived from the customers being replaced; left behind they would score people who no longer exist. */
    static final List<String> DERIVED_TABLES = List.of("model_scores", "cluster_assignments");

    private static final int BATCH_SIZE = 1_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoDataGenerator.class);

    private final Clock clock;
    private final int threads;

    public DemoDataGenerator() {
        this(Clock.systemUTC(), Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** @param clock only stamps {@code generated_at}; the data itself never reads a clock */
    public DemoDataGenerator(Clock clock, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.clock = clock;
        this.threads = threads;
    }

    /** True when the warehouse already holds customers (so a first start need not generate). */
    public boolean hasData(DuckDbWarehouse warehouse) {
        try (Connection connection = warehouse.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM customers)")) {
            rows.next();
            return rows.getBoolean(1);
        } catch (SQLException e) {
            throw new WarehouseException("cannot check the warehouse for data: " + e.getMessage(), e);
        }
    }

    /** Generates only when the warehouse is empty; for "demo data on first start". */
    public Optional<GenerationReport> generateIfEmpty(DuckDbWarehouse warehouse, GeneratorOptions options,
                                                      ProgressReporter progress) {
        return hasData(warehouse) ? Optional.empty() : Optional.of(generate(warehouse, options, progress));
    }

    /** Replaces the generated tables with fresh demo data. */
    public GenerationReport generate(DuckDbWarehouse warehouse, GeneratorOptions options, ProgressReporter progress) {
        long started = System.nanoTime();
        CustomerSimulator simulator = new CustomerSimulator(options, CampaignCalendar.build(options));
        Map<String, Long> counts;
        try (Connection connection = warehouse.connection()) {
            clear(connection);
            counts = load(connection.unwrap(DuckDBConnection.class), simulator, options, progress);
            writeMeta(connection, options);
            long indexing = System.nanoTime();
            List<String> indexed = CustomerIndexes.ensure(connection);
            LOG.info("indexed customer_id of {} in {} ms", indexed, (System.nanoTime() - indexing) / 1_000_000);
            counts.put("warehouse_meta", (long) WarehouseMetaKeys.ALL.size());
            try (Statement statement = connection.createStatement()) {
                // Folds the write-ahead log into the file so its size and a reopen reflect the new data.
                statement.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            throw new WarehouseException("demo data generation failed: " + e.getMessage(), e);
        }
        return new GenerationReport(counts, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void clear(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : GENERATED_TABLES) {
                // a bulk delete and reload maintain no index; generate() indexes the new rows once at the end
                CustomerIndexes.drop(statement, table);
                statement.execute("DELETE FROM " + table);
            }
            for (String table : DERIVED_TABLES) {
                statement.execute("DELETE FROM " + table);
            }
        }
    }

    /** Simulates batches on the workers, at most a few ahead of the loader, and appends them in order. */
    private Map<String, Long> load(DuckDBConnection connection, CustomerSimulator simulator, GeneratorOptions options,
                                   ProgressReporter progress) throws SQLException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Future<CustomerBatch>> pending = new ArrayDeque<>();
        long nextId = 1;
        long endId = options.customers() + 1L;
        try (BatchLoader loader = new BatchLoader(connection);
             ProgressReporter.Task task = progress.start("Demo customers", options.customers())) {
            while (nextId < endId || !pending.isEmpty()) {
                while (nextId < endId && pending.size() < threads * 2) {
                    long first = nextId;
                    long end = Math.min(endId, first + BATCH_SIZE);
                    pending.add(workers.submit(() -> simulator.simulate(first, end)));
                    nextId = end;
                }
                CustomerBatch batch = await(pending.poll());
                loader.append(batch);
                task.advance(batch.customers.size());
            }
            Map<String, Long> counts = new LinkedHashMap<>(loader.counts());
            return counts;
        } finally {
            workers.shutdownNow();
        }
    }

    private static CustomerBatch await(Future<CustomerBatch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("demo data generation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new WarehouseException("simulating customers failed: " + cause, cause);
        }
    }

    private void writeMeta(Connection connection, GeneratorOptions options) throws SQLException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(WarehouseMetaKeys.AS_OF, options.asOf().toString());
        meta.put(WarehouseMetaKeys.SEED, Long.toString(options.seed()));
        meta.put(WarehouseMetaKeys.CUSTOMERS, Integer.toString(options.customers()));
        meta.put(WarehouseMetaKeys.GENERATED_AT, Instant.now(clock).toString());
        meta.put(WarehouseMetaKeys.SOURCE, "demo");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO warehouse_meta VALUES (?, ?)")) {
            for (Map.Entry<String, String> entry : meta.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setString(2, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "demo-data-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
