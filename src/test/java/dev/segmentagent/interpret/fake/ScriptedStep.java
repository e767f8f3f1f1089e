package dev.segmentagent.interpret.fake;

import java.time.Duration;

/**
 * One scripted answer of the {@link FakeOpenAiServer}: what it does with the next chat-completion request.
 * Recorded successes are replayed byte for byte; faults reproduce what real endpoints do under load.
 */
public sealed interface ScriptedStep {

    /** A name for failure messages: the recording file, or the fault. */
    String label();

    /** HTTP 200 with a recorded chat-completion body, optionally after a delay (to trip client timeouts). */
    record Reply(String label, String body, Duration delay) implements ScriptedStep {}

    /** An HTTP error status with an OpenAI-shaped error body; {@code retryAfterSeconds} &lt; 0 sends no header. */
    record HttpError(String label, int status, int retryAfterSeconds, String body) implements ScriptedStep {}

    /** HTTP 200 whose body is not valid JSON, as a proxy cutting a response short would send. */
    record Malformed(String label, String body) implements ScriptedStep {}
}
