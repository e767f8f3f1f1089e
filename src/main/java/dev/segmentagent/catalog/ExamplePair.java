package dev.segmentagent.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A reviewed request → definition pair: few-shot material for the agent and a check for the planner. */
public record ExamplePair(String request, JsonNode definition, List<String> fields) {

    public ExamplePair {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
