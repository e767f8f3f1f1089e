package dev.segmentagent.api;

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

    GenerateController(AskService asks) {
        this.asks = asks;
    }

    /** Length and emptiness are checked by the service, so every channel gets the same problem codes. */
    @Introspected
    record GenerateRequest(@Nullable String request) {}

    @Post("/generate")
    AskResult generate(@Body GenerateRequest body) {
        return asks.ask(body.request());
    }
}
