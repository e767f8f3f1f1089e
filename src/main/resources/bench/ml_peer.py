"""The Python peer of the ML bench: XGBoost and scikit-learn on the matrices the Java side exported.

Reads job.json (paths, shapes, parameters), trains XGBoost with the same trees/depth/eta/subsampling/threads
as Tribuo, scores the same rows, fits k-means with the same k, initialisation and iteration cap, and prints
one JSON line of seconds and quality figures. Files are raw little-endian float32, row-major; the labelled
ones carry the 0/1 label as their last column. NaN is a missing value, as on the Java side.
"""
import json
import sys
import time

import numpy as np
import sklearn
import xgboost as xgb
from sklearn.cluster import KMeans
from sklearn.metrics import roc_auc_score


def load(spec):
    rows, cols = int(spec["rows"]), int(spec["cols"])
    data = np.fromfile(spec["path"], dtype="<f4")
    width = data.size // rows if rows else cols
    return data.reshape(rows, width)


def main(job_path):
    job = json.load(open(job_path))
    p = job["xgboost"]
    out = {"versions": "xgboost %s, scikit-learn %s, numpy %s" % (xgb.__version__, sklearn.__version__, np.__version__)}

    train = load(job["train"])
    test = load(job["test"])
    model = xgb.XGBClassifier(n_estimators=p["trees"], learning_rate=p["eta"], max_depth=p["maxDepth"],
                              min_child_weight=p["minChildWeight"], subsample=p["subsample"],
                              colsample_bytree=p["featureSubsample"], reg_lambda=p["lambda"], reg_alpha=0.0,
                              gamma=0.0, tree_method="hist", n_jobs=p["threads"], random_state=p["seed"],
                              objective="binary:logistic", missing=np.nan)
    started = time.perf_counter()
    model.fit(train[:, :-1], train[:, -1])
    out["xgb_train_s"] = time.perf_counter() - started
    out["xgb_holdout_auc"] = float(roc_auc_score(test[:, -1], model.predict_proba(test[:, :-1])[:, 1]))
    del train, test

    score = load(job["score"])
    # as many times as the Java side predicts the same matrix: first and median, as there
    seconds = []
    for _ in range(int(job["score"].get("repeats", 1))):
        started = time.perf_counter()
        model.predict_proba(score)
        seconds.append(time.perf_counter() - started)
    out["xgb_predict_first_s"] = seconds[0]
    out["xgb_predict_s"] = float(np.median(seconds))
    out["xgb_predict_rows"] = int(score.shape[0])
    del score

    km = job["kmeans"]
    fit = load(km["fit"]).astype(np.float64)  # Tribuo's k-means works in doubles
    # tol=0: run to convergence or the cap, as Tribuo does; one k-means++ start, as Tribuo does; fitted on the
    # same seeded sample the Java side fits on, then every row assigned, as the service does
    kmeans = KMeans(n_clusters=int(km["k"]), init="k-means++", n_init=1, max_iter=int(km["iterations"]), tol=0.0,
                    algorithm="lloyd", random_state=int(km["seed"]) % (2 ** 32))
    # the same fit as many times as the Java side (same seed, same centroids): first and median, as there
    seconds = []
    for _ in range(int(km.get("fits", 1))):
        started = time.perf_counter()
        kmeans.fit(fit)
        seconds.append(time.perf_counter() - started)
    out["kmeans_fit_first_s"] = seconds[0]
    out["kmeans_fit_s"] = float(np.median(seconds))
    out["kmeans_iterations"] = int(kmeans.n_iter_)
    out["kmeans_ms_per_iteration"] = 1000 * out["kmeans_fit_s"] / max(1, out["kmeans_iterations"])
    del fit
    z = load(km).astype(np.float64)
    started = time.perf_counter()
    kmeans.predict(z)
    out["kmeans_assign_s"] = time.perf_counter() - started
    out["kmeans_inertia"] = float(-kmeans.score(z))
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
