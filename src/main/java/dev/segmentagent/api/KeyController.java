package dev.segmentagent.api;

import dev.segmentagent.audit.AuditLog;
import dev.segmentagent.security.ApiKeys;
import dev.segmentagent.security.CurrentActor;
import dev.segmentagent.security.Role;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** API keys (admin only): list, issue (the secret is in the response once), revoke. */
@Controller("/api/keys")
@ExecuteOn(TaskExecutors.BLOCKING)
class KeyController {

    private final ApiKeys keys;
    private final CurrentActor actor;
    private final AuditLog audit;

    KeyController(ApiKeys keys, CurrentActor actor, AuditLog audit) {
        this.keys = keys;
        this.actor = actor;
        this.audit = audit;
    }

    @Introspected
    record IssueRequest(@NotBlank @Size(max = 200) String name, @NotNull Role role) {}

    @Get
    List<ApiKeys.KeyView> list() {
        return keys.list();
    }

    @Post
    HttpResponse<ApiKeys.IssuedKey> issue(@Body @Valid IssueRequest request) {
        ApiKeys.IssuedKey issued = keys.issue(request.name(), request.role(), actor.name());
        audit.record(actor.name(), "key.issue", "api_key", issued.view().id().toString(),
                request.name() + " (" + request.role().name().toLowerCase() + ")");
        return HttpResponse.created(issued, URI.create("/api/keys/" + issued.view().id()));
    }

    @Delete("/{id}")
    ApiKeys.KeyView revoke(@PathVariable UUID id) {
        ApiKeys.KeyView view = keys.revoke(id)
                .orElseThrow(() -> ProblemException.notFound("key-not-found", "No API key with id " + id + "."));
        audit.record(actor.name(), "key.revoke", "api_key", id.toString(), view.name());
        return view;
    }
}
