package dev.segmentagent.interpret;

import dev.segmentagent.segment.SegmentDefinition;

import java.util.List;

/**
 * What an interpreter (the LLM agent or the offline planner) makes of a marketer's request: a definition,
 * a clarifying question when the request is ambiguous, or a plain refusal when it is beyond what the
 * catalog can express. Never a silent guess.
 */
public sealed interface Interpretation {

    /**
     * @param definition  the segment definition (still to be validated and previewed by the pipeline)
     * @param fields      the catalog fields chosen and why
     * @param assumptions what was assumed to make the request precise ("'high-value' taken as top 20% by
     *                    lifetime revenue")
     * @param rationale   a short account of the interpretation
     */
    record Answer(SegmentDefinition definition, List<FieldChoice> fields, List<String> assumptions,
                  String rationale) implements Interpretation {
        public Answer {
            fields = List.copyOf(fields);
            assumptions = List.copyOf(assumptions);
        }
    }

    /** The request can be read several ways; each option is a refined request the user can pick. */
    record Clarification(String question, List<Option> options) implements Interpretation {
        public Clarification {
            options = List.copyOf(options);
        }
    }

    /** The request is out of scope (not a customer segment, or nothing in the catalog measures it). */
    record Declined(String reason, List<String> suggestions) implements Interpretation {
        public Declined {
            suggestions = List.copyOf(suggestions);
        }
    }

    /** @param why the phrase of the request this field answers */
    record FieldChoice(String field, String why) {}

    /** @param request the refined request this option stands for, ready to be interpreted */
    record Option(String label, String request) {}
}
