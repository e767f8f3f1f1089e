package dev.segmentagent.warehouse;

import java.util.List;

/** Keys of the warehouse_meta table, shared by the generator, the importer and readers of as_of. */
public final class WarehouseMetaKeys {

    public static final String AS_OF = "as_of";
    public static final String SEED = "seed";
    public static final String CUSTOMERS = "customers";
    public static final String GENERATED_AT = "generated_at";
    public static final String SOURCE = "source";
    /** as-of instant and catalog fingerprint the customer_features table was last built for */
    public static final String FEATURES_BUILT_FOR = "features_built_for";

    static final List<String> ALL = List.of(AS_OF, SEED, CUSTOMERS, GENERATED_AT, SOURCE);

    private WarehouseMetaKeys() {
    }
}
