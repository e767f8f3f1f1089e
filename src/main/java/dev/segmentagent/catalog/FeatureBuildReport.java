package dev.segmentagent.catalog;

import java.time.Duration;
import java.time.Instant;

/** What a feature build produced: the as-of instant it describes, its size and how long it took. */
public record FeatureBuildReport(Instant asOf, long customers, int fields, Duration elapsed) {}
