package dev.segmentagent.features;

import com.google.protobuf.Any;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.protos.XGBoostOutputConverterProto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the single probability of an XGBoost {@code binary:logistic} booster into a Tribuo classification
 * prediction over two labels: output id 1 gets p, output id 0 gets 1 - p. Tribuo's own
 * {@code XGBoostClassificationConverter} expects {@code multi:softprob} (one column per label), which is what
 * Tribuo's trainer builds: two trees per boosting round for a binary label, twice the work of the
 * one-tree-per-round model scikit-learn's and XGBoost's own binary classifier train.
 *
 * <p>Public static {@code deserializeFromProto} because Tribuo's proto loader finds converters by class name.
 */
final class BinaryLogisticConverter implements XGBoostOutputConverter<Label> {

    private static final long serialVersionUID = 1L;
    static final int CURRENT_VERSION = 0;

    /** Called reflectively by Tribuo when a model file is loaded. */
    public static BinaryLogisticConverter deserializeFromProto(int version, String className, Any message) {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown version " + version + " of " + className
                    + ", this class reads version " + CURRENT_VERSION);
        }
        return new BinaryLogisticConverter();
    }

    @Override
    public boolean generatesProbabilities() {
        return true;
    }

    @Override
    public Prediction<Label> convertOutput(ImmutableOutputInfo<Label> info, List<float[]> predictions,
                                           int numValidFeatures, Example<Label> example) {
        if (predictions.size() != 1) {
            throw new IllegalArgumentException("expected one booster, got " + predictions.size());
        }
        return prediction(info, predictions.get(0)[0], numValidFeatures, example);
    }

    @Override
    public List<Prediction<Label>> convertBatchOutput(ImmutableOutputInfo<Label> info, List<float[][]> predictions,
                                                      int[] numValidFeatures, Example<Label>[] examples) {
        if (predictions.size() != 1) {
            throw new IllegalArgumentException("expected one booster, got " + predictions.size());
        }
        float[][] p = predictions.get(0);
        List<Prediction<Label>> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            out.add(prediction(info, p[i][0], numValidFeatures[i], examples[i]));
        }
        return out;
    }

    private static Prediction<Label> prediction(ImmutableOutputInfo<Label> info, float p, int numValidFeatures,
                                                Example<Label> example) {
        if (info.size() != 2) {
            throw new IllegalStateException("binary:logistic needs exactly two labels, the model has " + info.size());
        }
        String positive = info.getOutput(1).getLabel();
        String negative = info.getOutput(0).getLabel();
        Map<String, Label> scores = new LinkedHashMap<>();
        scores.put(negative, new Label(negative, 1.0 - p));
        scores.put(positive, new Label(positive, p));
        Label max = p >= 0.5 ? scores.get(positive) : scores.get(negative);
        return new Prediction<>(max, scores, numValidFeatures, example, true);
    }

    @Override
    public XGBoostOutputConverterProto serialize() {
        return XGBoostOutputConverterProto.newBuilder().setVersion(CURRENT_VERSION)
                .setClassName(BinaryLogisticConverter.class.getName()).build();
    }

    @Override
    public Class<Label> getTypeWitness() {
        return Label.class;
    }
}
