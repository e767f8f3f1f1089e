package dev.segmentagent.features;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import ml.dmlc.xgboost4j.java.util.BigDenseMatrix;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostExternalModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.protos.XGBoostExternalModelProto;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Batch scoring of a Tribuo XGBoost classifier straight on its booster: probabilities of the positive class,
 * equal to Tribuo's own predictions (ModelTrainingTest holds them to 1e-6).
 *
 * <p>Rows go into dense float DMatrix objects (NaN = missing, as in training where missing features were left
 * out), one native predict call each. Tribuo's {@code predict(Iterable)} first builds an Example and afterwards a
 * Prediction with a map of label scores for every row; at a million rows that object churn, not the trees, was
 * the cost.
 *
 * <p>Why a chunk is cut into one slice per thread, each scored by its own copy of the booster on one thread:
 * XGBoost4J 1.6 (the version Tribuo 4.3 is built on) has no in-place predict, so every batch first becomes a
 * DMatrix, and its JNI constructor copies the floats into XGBoost's sparse pages on a single thread. On 146
 * features that copy cost about as much CPU as the trees (300k rows: 0.40 s building, 0.52 s predicting, per
 * thread). Each thread builds and predicts its own slice with a booster of its own ({@code nthread=1}): both
 * cores stay busy throughout, there are no OpenMP barriers (which stall badly when the cores are shared with
 * other work), and no booster is shared between threads. Against building the slices concurrently and then
 * predicting each on two OpenMP threads it was about 8% faster on 300k rows under load, and within noise at a
 * million (bench --ml, 1.53x and 1.57x the peer). The Python peer (XGBoost 1.7's {@code inplace_predict} on a
 * numpy array) skips the copy altogether, which is most of the remaining gap.
 *
 * <p>Columns follow the model's own feature mapping (Tribuo feature id -> booster column), so a feature unknown
 * to the model is ignored exactly as Tribuo would.
 */
final class BoosterScorer implements TrainingSets.ChunkScorer {

    /** Below this many rows per slice a chunk is not worth handing to another thread. */
    static final int MIN_SLICE_ROWS = 4_096;

    /** Daemon threads that score every slice but the first (which the caller scores itself). */
    private static final ExecutorService SLICE_SCORERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "xgboost-slice-scorer");
        thread.setDaemon(true);
        return thread;
    });

    private final Booster[] boosters; // one per thread, each with nthread=1
    private final int[] columnOf; // input j -> booster column, or -1
    private final int width;
    private final int positiveId;
    private final int threads;
    private final int minSliceRows;
    private final boolean fullRow; // every booster column is fed by exactly one input: no NaN prefill needed

    BoosterScorer(Model<Label> model, List<String> names, int threads) {
        this(model, names, threads, MIN_SLICE_ROWS);
    }

    BoosterScorer(Model<Label> model, List<String> names, int threads, int minSliceRows) {
        if (threads < 1 || minSliceRows < 1) {
            throw new IllegalArgumentException("threads and minSliceRows must be positive");
        }
        this.threads = threads;
        this.minSliceRows = minSliceRows;
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int[] boosterColumn; // Tribuo feature id -> booster column
        byte[] boosterBytes;
        try {
            if (model instanceof XGBoostExternalModel<Label> external) {
                // the booster and Tribuo's feature id -> column mapping, from the model's public proto form
                XGBoostExternalModelProto proto = external.serialize().getSerializedData()
                        .unpack(XGBoostExternalModelProto.class);
                boosterBytes = proto.getModel().toByteArray();
                boosterColumn = proto.getForwardFeatureMappingList().stream().mapToInt(Integer::intValue).toArray();
            } else if (model instanceof XGBoostModel<Label> xgb && xgb.getInnerModels().size() == 1) {
                // models trained by Tribuo's own trainer (earlier versions in the registry): columns are feature ids
                boosterBytes = xgb.getInnerModels().get(0).toByteArray();
                boosterColumn = IntStream.range(0, features.size()).toArray();
            } else {
                throw new IllegalArgumentException("not a single-booster XGBoost model: " + model.getClass().getName());
            }
            this.boosters = new Booster[threads];
            for (int t = 0; t < threads; t++) {
                boosters[t] = XGBoost.loadModel(boosterBytes);
                boosters[t].setParam("nthread", "1");
            }
        } catch (IOException | XGBoostError e) {
            throw new IllegalStateException("cannot read the booster of " + model.getName() + ": " + e.getMessage(), e);
        }
        this.width = Arrays.stream(boosterColumn).max().orElse(-1) + 1;
        this.columnOf = new int[names.size()];
        for (int j = 0; j < columnOf.length; j++) {
            int id = features.getID(names.get(j));
            columnOf[j] = id < 0 ? -1 : boosterColumn[id];
        }
        this.positiveId = model.getOutputIDInfo().getID(new Label(BinaryClassifier.POSITIVE));
        this.fullRow = Arrays.stream(columnOf).filter(c -> c >= 0).distinct().count() == width
                && Arrays.stream(columnOf).allMatch(c -> c >= 0);
    }

    /** Probability of the positive class for the first {@code rows} rows of {@code values}. */
    @Override
    public double[] score(double[][] values, int rows) {
        double[] scores = new double[rows];
        if (rows == 0) {
            return scores;
        }
        int slices = Math.max(1, Math.min(threads, rows / minSliceRows));
        List<Future<?>> others = new ArrayList<>(slices - 1);
        try {
            for (int s = 1; s < slices; s++) {
                int slice = s;
                int from = (int) ((long) rows * s / slices);
                int to = (int) ((long) rows * (s + 1) / slices);
                others.add(SLICE_SCORERS.submit(() -> {
                    scoreSlice(boosters[slice], values, from, to, scores);
                    return null;
                }));
            }
            scoreSlice(boosters[0], values, 0, (int) ((long) rows / slices), scores);
            for (Future<?> other : others) {
                other.get();
            }
            return scores;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } finally {
            // a slice still running when another failed must not write into the arrays after we return
            for (Future<?> other : others) {
                try {
                    other.get();
                } catch (ExecutionException | InterruptedException | java.util.concurrent.CancellationException e) {
                    // reported above, or by the caller's interrupt
                }
            }
        }
    }

    /** Scores rows {@code from..to} into {@code scores}, with a booster no other thread is using. */
    private void scoreSlice(Booster booster, double[][] values, int from, int to, double[] scores) throws XGBoostError {
        DMatrix matrix = matrix(values, from, to);
        try {
            float[][] predictions = booster.predict(matrix);
            for (int i = 0; i < predictions.length; i++) {
                // binary:logistic gives P(label id 1) in one column; softprob one column per label id
                float[] p = predictions[i];
                scores[from + i] = p.length == 1 ? (positiveId == 1 ? p[0] : 1 - p[0]) : p[positiveId];
            }
        } finally {
            matrix.dispose();
        }
    }

    /**
     * Rows {@code from..to} as one dense float DMatrix in booster column order, NaN where missing. The floats are
     * written straight into native memory (XGBoost4J's BigDenseMatrix), which XGBoost then copies into its own
     * pages: a float[] on the heap would be copied once more by JNI first, and weigh on the collector.
     */
    private DMatrix matrix(double[][] values, int from, int to) throws XGBoostError {
        int rows = to - from;
        BigDenseMatrix dense = new BigDenseMatrix(rows, width);
        try {
            long rowBytes = (long) width * Float.BYTES;
            for (int i = 0; i < rows; i++) {
                double[] row = values[from + i];
                long address = dense.address + i * rowBytes;
                if (fullRow) {
                    for (int j = 0; j < row.length; j++) {
                        BigDenseMatrix.setDirect(address + (long) columnOf[j] * Float.BYTES, (float) row[j]);
                    }
                } else {
                    for (int c = 0; c < width; c++) {
                        BigDenseMatrix.setDirect(address + (long) c * Float.BYTES, Float.NaN);
                    }
                    for (int j = 0; j < row.length; j++) {
                        if (columnOf[j] >= 0) {
                            BigDenseMatrix.setDirect(address + (long) columnOf[j] * Float.BYTES, (float) row[j]);
                        }
                    }
                }
            }
            return new DMatrix(dense, Float.NaN);
        } finally {
            dense.dispose(); // the DMatrix holds its own copy
        }
    }
}
