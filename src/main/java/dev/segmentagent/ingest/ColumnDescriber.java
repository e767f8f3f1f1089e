package dev.segmentagent.ingest;

import java.util.List;
import java.util.Map;

/** Writes descriptions and synonyms for the customer columns of an import, by drafted field name. */
interface ColumnDescriber {

    /**
     * @return wording per drafted field name; columns it could not describe are absent
     * @throws RuntimeException when the describer fails as a whole (the import then keeps the heuristics)
     */
    Map<String, DraftWording> describe(List<TableProfile> tables);
}
