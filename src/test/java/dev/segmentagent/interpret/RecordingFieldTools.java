package dev.segmentagent.interpret;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal tools object for the client tests: it answers {@code searchFields} from a fixed list and records
 * the queries it was called with, so a test can prove the tool really ran with the model's arguments.
 */
class RecordingFieldTools {

    static final String RESULT = "email_open_rate_trend (ratio): open rate of the last 90 days divided by the 90 days before; "
            + "email_open_rate_90d (ratio): share of delivered emails opened in the last 90 days";

    private final List<String> queries = new ArrayList<>();

    @Tool("Finds catalog fields whose meaning matches the words of the query")
    String searchFields(@P("what the marketer means, in a few words") String query) {
        queries.add(query);
        return RESULT;
    }

    List<String> queries() {
        return List.copyOf(queries);
    }
}
