package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Request bodies of the segments API. */
final class SegmentRequests {

    private SegmentRequests() {
    }

    /**
     * @param definition the definition JSON ({"condition": {...}})
     * @param asOf       evaluate relative windows from this instant; default: the data's as-of
     * @param sample     how many sample members to return (0..100, default 10)
     */
    @Introspected
    record PreviewRequest(@NotNull JsonNode definition, @Nullable Instant asOf,
                          @Nullable @Min(0) @Max(100) Integer sample) {}

    @Introspected
    record SaveRequest(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 2000) String description,
                       @NotNull JsonNode definition, @Nullable @Size(max = 4000) String sourceRequest) {}

    /** @param customerId explain the definition for this customer: which conditions held, with the values */
    @Introspected
    record ExplainRequest(@NotNull JsonNode definition, @Nullable Long customerId, @Nullable Instant asOf) {}
}
