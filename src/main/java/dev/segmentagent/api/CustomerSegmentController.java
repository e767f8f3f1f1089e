package dev.segmentagent.api;

import dev.segmentagent.live.CustomerSegments;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A customer's live segments: current memberships with their timeline, and the winning campaign segment. */
@Controller("/api/customers")
@ExecuteOn(TaskExecutors.BLOCKING)
class CustomerSegmentController {

    private final CustomerSegments customers;

    CustomerSegmentController(CustomerSegments customers) {
        this.customers = customers;
    }

    @Get("/{id}/segments")
    CustomerSegments.View segments(long id, @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int timeline) {
        return customers.view(id, timeline);
    }

    @Get("/{id}/winning-segment")
    CustomerSegments.Winning winning(long id) {
        return customers.winning(id);
    }
}
