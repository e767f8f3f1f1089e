package dev.segmentagent.interpret;

import java.util.List;

/**
 * Ranks catalog fields by the words of a query. The catalog's keyword field search plugs in here through an
 * adapter, so the hybrid retriever does not depend on how that search is built.
 */
@FunctionalInterface
public interface KeywordRanker {

    /** At most {@code k} fields, best first; fields with no match at all are left out. */
    List<ScoredField> rank(String query, int k);
}
