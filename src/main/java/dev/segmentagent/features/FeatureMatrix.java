package dev.segmentagent.features;

import java.util.List;

/**
 * Model inputs of many customers: row i is customer {@code ids[i]}; {@code values[i][j]} is feature
 * {@code names.get(j)}, NaN where the feature is unknown (e.g. no orders yet), which XGBoost treats as missing.
 * {@code labels} is null for scoring matrices.
 */
record FeatureMatrix(long[] ids, List<String> names, double[][] values, boolean[] labels) {

    int rows() {
        return ids.length;
    }

    int positives() {
        int n = 0;
        for (boolean label : labels) {
            n += label ? 1 : 0;
        }
        return n;
    }
}
