package dev.segmentagent.features;

import java.util.List;
import java.util.Map;

/**
 * What a behaviour cluster is like: size, centroid in original units (member means), and how it differs from
 * all customers (z = (cluster mean - base mean) / base standard deviation), largest differences first.
 */
record ClusterProfile(int clusterId, String name, String persona, long size, double share,
                      Map<String, Double> centroid, List<Deviation> deviations) {

    record Deviation(String feature, double clusterMean, double baseMean, double z) {}
}
