package dev.segmentagent.preview;

import dev.segmentagent.segment.SegmentExplainer;
import dev.segmentagent.sqlgen.CustomerExplainer;
import dev.segmentagent.sqlgen.SqlPolicy;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import jakarta.inject.Singleton;

/** Explains a prepared definition in words, and for one customer condition by condition. */
@Singleton
public class ExplanationService {

    private final DuckDbWarehouse warehouse;

    ExplanationService(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    public Explanation explain(PreparedDefinition prepared, Long customerId) {
        String text = new SegmentExplainer(prepared.catalog(), prepared.compileContext().segments()).explain(prepared.definition());
        if (customerId == null) {
            return new Explanation(text, prepared.asOf(), null);
        }
        CustomerExplainer explainer = new CustomerExplainer(warehouse, SqlPolicy.forCatalog(prepared.catalog()));
        return new Explanation(text, prepared.asOf(),
                explainer.explain(prepared.definition(), customerId, prepared.compileContext()));
    }
}
