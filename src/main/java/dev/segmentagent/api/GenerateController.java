package dev.segmentagent.api;

import dev.segmentagent.security.CurrentActor;
import dev.segmentagent.security.TokenBudget;
import dev.segmentagent.interpret.AskResult;
import dev.segmentagent.interpret.AskService;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Words to a previewed draft: {@code POST /api/segments/generate {"request": "..."}}. The answer's {@code draft}
 * is exactly the body {@code POST /api/segments} accepts, so a client saves it without reshaping it.
 */
@Controller("/api/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
class GenerateController {

    private final AskService asks;
    private final TokenBudget budget;
    private final CurrentActor actor;

    GenerateController(AskService asks, TokenBudget budget, CurrentActor actor) {
        this.asks = asks;
        this.budget = budget;
        this.actor = actor;
    }

    /** Length and emptiness are checked by the service, so every channel gets the same problem codes. */
    @Introspected
    record GenerateRequest(@Nullable String request) {}

    @Post("/generate")
    AskResult generate(@Body GenerateRequest body) {
        String key = actor.name();
        budget.admit(key);
        AskResult result = asks.ask(body.request());
        budget.record(key, result.tokens());
        return result;
    }
}
