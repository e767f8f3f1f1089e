package dev.segmentagent.features;

import org.tribuo.Model;

import java.util.Map;

/**
 * The result of training one model version, before it is stored and activated.
 *
 * @param tribuo     the Tribuo model to serialise, null for rule models (RFM)
 * @param state      what else is needed to score again from the stored files (RFM breakpoints, standardisation)
 * @param metrics    evaluation figures (holdout AUC, ARI, silhouette...)
 * @param details    provenance and explanation: cut-offs, parameters, seed, importance, calibration, profiles
 * @param scores     outputs for model_scores (score models), else null
 * @param assignments outputs for cluster_assignments (clusterings), else null
 */
record TrainedModel(String name, String version, Model<?> tribuo, Map<String, Object> state,
                    Map<String, Object> metrics, Map<String, Object> details, ScoreTables.Scores scores,
                    ScoreTables.Assignments assignments) {
}
