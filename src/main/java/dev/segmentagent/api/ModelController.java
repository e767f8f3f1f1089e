package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.catalog.ModelSpec;
import dev.segmentagent.features.ModelService;
import dev.segmentagent.features.ModelVersionRecord;
import dev.segmentagent.features.TrainingRuns;
import dev.segmentagent.features.TrainingRuns.RunView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The models REST API: list, inspect (versions, metrics, importance, cluster profiles), train, follow a run. */
@Controller("/api/models")
@ExecuteOn(TaskExecutors.BLOCKING)
class ModelController {

    private final ModelService models;
    private final TrainingRuns runs;

    ModelController(ModelService models, TrainingRuns runs) {
        this.models = models;
        this.runs = runs;
    }

    record VersionSummary(int version, String status, Instant trainedAt, boolean active, JsonNode metrics, String error) {
        static VersionSummary of(ModelVersionRecord r) {
            return new VersionSummary(r.version(), r.status(), r.trainedAt(), r.active(), parseMetrics(r), r.error());
        }
    }

    record ModelSummary(String name, String kind, String description, VersionSummary active) {}

    record ModelDetail(String name, String kind, String description, List<String> tiers, double scoreMin,
                       double scoreMax, VersionSummary active, List<VersionSummary> versions, JsonNode activeDetails) {}

    @Get
    List<ModelSummary> list() {
        return models.models().stream().map(m -> new ModelSummary(m.name(), kind(m), m.description(),
                models.registry().active(m.name()).map(VersionSummary::of).orElse(null))).toList();
    }

    @Get("/{name}")
    ModelDetail get(String name) {
        ModelSpec model = known(name);
        List<VersionSummary> versions = models.registry().versions(name).stream().map(VersionSummary::of).toList();
        var active = models.registry().active(name);
        JsonNode details = active.map(a -> models.metadata(name, a.version())).orElse(null);
        return new ModelDetail(model.name(), kind(model), model.description(), model.tiers(), model.scoreMin(),
                model.scoreMax(), active.map(VersionSummary::of).orElse(null), versions, details);
    }

    @Post("/{name}/train")
    HttpResponse<RunView> train(String name) {
        known(name);
        RunView run = runs.submit(name);
        return HttpResponse.<RunView>accepted(URI.create("/api/models/runs/" + run.id())).body(run);
    }

    @Get("/runs/{id}")
    RunView run(UUID id) {
        return runs.run(id).orElseThrow(() -> ProblemException.notFound("unknown_training_run",
                "there is no training run " + id));
    }

    private ModelSpec known(String name) {
        return models.model(name).orElseThrow(() -> ProblemException.notFound("unknown_model",
                "there is no trainable model '" + name + "'; models: "
                        + String.join(", ", models.models().stream().map(ModelSpec::name).toList())));
    }

    private static String kind(ModelSpec model) {
        return model.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static JsonNode parseMetrics(ModelVersionRecord r) {
        try {
            return r.metricsJson() == null ? null : JSON.readTree(r.metricsJson());
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
