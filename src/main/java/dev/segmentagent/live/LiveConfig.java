package dev.segmentagent.live;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * Live segment settings.
 *
 * @param refreshInterval      how often a segment is fully refreshed unless it sets its own interval
 * @param scheduleTick         how often the scheduler looks for segments that are due
 * @param scheduleEnabled      run scheduled refreshes at all (tests switch them off to keep histories exact)
 * @param webhookMaxAttempts   attempts per webhook delivery before it is logged as given up
 * @param webhookInitialBackoff wait before the second attempt; doubled before each further attempt
 * @param webhookTimeout       connect and response timeout of one attempt
 * @param fullRefreshSharedScan evaluate all segments of a full refresh in one shared scan (see LiveRefresher)
 * @param refreshBatchSegments  a full refresh evaluates and writes this many segments at a time: their new member
 *                              sets are what the heap holds (8 bytes per member, twice with the diff), so 1,000
 *                              segments over 1M customers do not need gigabytes at once
 */
@ConfigurationProperties("segment.live")
public record LiveConfig(
        @Bindable(defaultValue = "15m") @NotNull Duration refreshInterval,
        @Bindable(defaultValue = "30s") @NotNull Duration scheduleTick,
        @Bindable(defaultValue = "true") boolean scheduleEnabled,
        @Bindable(defaultValue = "4") @Min(1) @Max(10) int webhookMaxAttempts,
        @Bindable(defaultValue = "500ms") @NotNull Duration webhookInitialBackoff,
        @Bindable(defaultValue = "5s") @NotNull Duration webhookTimeout,
        @Bindable(defaultValue = "false") boolean fullRefreshSharedScan,
        @Bindable(defaultValue = "100") @Min(1) int refreshBatchSegments) {
}
