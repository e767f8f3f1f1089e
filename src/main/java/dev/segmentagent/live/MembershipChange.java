package dev.segmentagent.live;

import java.time.Instant;
import java.util.UUID;

/**
 * Who entered and who left a segment in one run: published after the change is committed, for webhooks, the
 * server-sent-events stream and (later) Slack. Arrays are sorted ascending and must not be modified.
 */
public record MembershipChange(UUID segmentId, String segmentName, int version, UUID runId, String trigger,
                               Instant at, long[] entered, long[] exited, long size) {
}
