package dev.segmentagent.ingest;

import java.util.List;
import java.util.Map;

/**
 * Words for a drafted field written by someone who read its metadata (an LLM when one is configured),
 * replacing the heuristic description and adding synonyms.
 *
 * @param description what the column means, checked for length before it reaches the catalog
 * @param synonyms    lower-case phrases, merged with the heuristic ones
 * @param author      who wrote it, named in the draft so a reviewer knows (e.g. the model name)
 */
record DraftWording(String description, List<String> synonyms, String author) {

    static final Map<String, DraftWording> NONE = Map.of();

    DraftWording {
        synonyms = List.copyOf(synonyms);
    }
}
