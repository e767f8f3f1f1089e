package dev.segmentagent.features;

import dev.segmentagent.testing.ChildJvm;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;

/**
 * The process {@link ScoringCrashTest} kills: the service on a data folder, training the churn model through
 * {@link TrainingRuns} (the queue behind POST /api/models/churn/train). It prints the run id; TrainingRuns logs
 * each phase ("training churn: scoring (75%)"), which is the line the parent kills on. Never run by the test
 * suite itself (no {@code Test} in its name).
 */
public final class ScoringCrashChild {

    private ScoringCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (ApplicationContext context = ApplicationContext.builder().environments("test")
                .properties(ScoringCrashTest.properties(Path.of(args[0]), false)).start()) {
            TrainingRuns runs = context.getBean(TrainingRuns.class);
            TrainingRuns.RunView run = runs.submit("churn");
            System.out.println(ChildJvm.MARK + run.id());
            while (runs.run(run.id()).orElseThrow().finishedAt() == null) {
                Thread.sleep(20);
            }
            System.out.println("TRAINED"); // the kill came too late
        }
    }
}
