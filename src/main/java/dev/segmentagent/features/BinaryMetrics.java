package dev.segmentagent.features;

import org.tribuo.classification.evaluation.LabelEvaluationUtil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How good probability scores are on labelled rows: ROC AUC and PR AUC (average precision) from Tribuo, and a
 * calibration table by score decile (mean predicted vs observed positive rate), which says whether "0.7"
 * means 70%.
 */
record BinaryMetrics(long rows, long positives, double positiveRate, double rocAuc, double prAuc,
                     List<CalibrationBin> calibration) {

    record CalibrationBin(int decile, long rows, double meanScore, double observedRate) {}

    static BinaryMetrics of(boolean[] labels, double[] scores) {
        if (labels.length != scores.length || labels.length == 0) {
            throw new IllegalArgumentException("need as many labels as scores, at least one");
        }
        long positives = IntStream.range(0, labels.length).filter(i -> labels[i]).count();
        double roc = positives == 0 || positives == labels.length ? Double.NaN
                : LabelEvaluationUtil.binaryAUCROC(labels, scores);
        double pr = positives == 0 ? Double.NaN : LabelEvaluationUtil.averagedPrecision(labels, scores);
        return new BinaryMetrics(labels.length, positives, (double) positives / labels.length, roc, pr,
                calibration(labels, scores));
    }

    private static List<CalibrationBin> calibration(boolean[] labels, double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        List<CalibrationBin> bins = new ArrayList<>();
        int n = scores.length;
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) n * d / 10);
            int to = (int) ((long) n * (d + 1) / 10);
            if (to <= from) {
                continue;
            }
            double sum = 0;
            long pos = 0;
            for (int k = from; k < to; k++) {
                sum += scores[order[k]];
                pos += labels[order[k]] ? 1 : 0;
            }
            bins.add(new CalibrationBin(d + 1, to - from, sum / (to - from), (double) pos / (to - from)));
        }
        return bins;
    }
}
