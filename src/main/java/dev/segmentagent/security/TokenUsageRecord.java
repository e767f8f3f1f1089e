package dev.segmentagent.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** LLM tokens one key spent on one UTC day. */
@MappedEntity("token_usage")
record TokenUsageRecord(@Id String id, String keyName, LocalDate usageDay, long tokens, long requests) {

    static String id(String keyName, LocalDate day) {
        return keyName + "|" + day;
    }
}
