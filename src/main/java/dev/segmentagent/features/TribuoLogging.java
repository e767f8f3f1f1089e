package dev.segmentagent.features;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tribuo and OLCUT log through java.util.logging at INFO for every training run (dataset sizes, per-iteration
 * k-means chatter). Those lines are noise on the service console, so their level is raised to WARNING.
 * The loggers are kept in static fields: java.util.logging holds loggers weakly and would forget the level.
 */
final class TribuoLogging {

    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final Logger OLCUT = Logger.getLogger("com.oracle.labs.mlrg.olcut");
    private static final Logger XGBOOST = Logger.getLogger("ml.dmlc.xgboost4j");

    private TribuoLogging() {
    }

    static void quiet() {
        TRIBUO.setLevel(Level.WARNING);
        OLCUT.setLevel(Level.WARNING);
        XGBOOST.setLevel(Level.WARNING);
    }
}
