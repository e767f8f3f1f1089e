package dev.segmentagent.bootstrap;

import dev.segmentagent.warehouse.ProgressReporter;
import dev.segmentagent.warehouse.WarehouseFacts;
import dev.segmentagent.warehouse.WarehouseMetaKeys;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** First start on an empty data folder, a restart on a full one, and a restart after the features went stale. */
class DataPreparationTest {

    @TempDir
    Path dataDir;

    private ApplicationContext start() {
        return ApplicationContext.builder().properties(Map.of(
                "segment.data.dir", dataDir.toString(),
                "segment.data.demo-customers", 1500,
                "segment.startup.prepare-data", false,
                "micronaut.server.enabled", false)).start();
    }

    @Test
    void first_start_generates_demo_data_and_a_restart_reuses_it() {
        try (ApplicationContext context = start()) {
            DataPreparation.Readiness first = context.getBean(DataPreparation.class).ensureReady(ProgressReporter.silent());

            assertThat(first.generated()).isPresent();
            assertThat(first.customers()).isEqualTo(1500);
            assertThat(Files.exists(dataDir.resolve("warehouse.duckdb"))).isTrue();
            assertThat(Files.exists(dataDir.resolve("metadata.mv.db"))).isTrue();
        }
        try (ApplicationContext context = start()) {
            DataPreparation.Readiness second = context.getBean(DataPreparation.class).ensureReady(ProgressReporter.silent());

            assertThat(second.generated()).isEmpty();
            assertThat(second.featureBuild()).isEqualTo(Duration.ZERO);
            assertThat(second.customers()).isEqualTo(1500);
        }
    }

    @Test
    void features_built_for_other_data_or_another_catalog_are_rebuilt_at_start() {
        try (ApplicationContext context = start()) {
            context.getBean(DataPreparation.class).ensureReady(ProgressReporter.silent());
            context.getBean(WarehouseFacts.class).put(WarehouseMetaKeys.FEATURES_BUILT_FOR, "2020-01-01T00:00:00Z|other");

            DataPreparation.Readiness again = context.getBean(DataPreparation.class).ensureReady(ProgressReporter.silent());

            assertThat(again.generated()).isEmpty();
            assertThat(again.featureBuild()).isPositive();
            assertThat(context.getBean(WarehouseFacts.class).get(WarehouseMetaKeys.FEATURES_BUILT_FOR)).get()
                    .asString().startsWith("2026-11-01T00:00:00Z|");
        }
    }
}
