"""The Python peer of the ML bench: XGBoost and scikit-learn on the matrices the Java side exported.

Usage: ml_peer.py JOB.json TASK, where TASK is one of
  train    trains XGBoost with the same trees/depth/eta/subsampling/threads as the Java side, saves the model,
           and reports training seconds and the holdout ROC AUC;
  predict  loads that model and times one predict_proba over the whole scoring matrix;
  kmeans   times one k-means fit with the same k, initialisation and iteration cap on the same sample, then
           assigns every row and reports the inertia.
The Java side calls each task right after timing its own counterpart, and repeats predict and kmeans, so both
sides of a ratio are measured seconds apart, under about the same load from elsewhere on the machine. Every
task is a fresh process, so predict and kmeans first run a tiny untimed call to set up thread pools.
Prints one JSON line. Files are raw little-endian float32, row-major; the labelled ones carry the 0/1 label as
their last column. NaN is a missing value, as on the Java side.
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


def classifier(p):
    return xgb.XGBClassifier(n_estimators=p["trees"], learning_rate=p["eta"], max_depth=p["maxDepth"],
                             min_child_weight=p["minChildWeight"], subsample=p["subsample"],
                             colsample_bytree=p["featureSubsample"], reg_lambda=p["lambda"], reg_alpha=0.0,
                             gamma=0.0, tree_method="hist", n_jobs=p["threads"], random_state=p["seed"],
                             objective="binary:logistic", missing=np.nan)


def train(job, out):
    train_rows = load(job["train"])
    test_rows = load(job["test"])
    model = classifier(job["xgboost"])
    started = time.perf_counter()
    model.fit(train_rows[:, :-1], train_rows[:, -1])
    out["xgb_train_s"] = time.perf_counter() - started
    out["xgb_holdout_auc"] = float(roc_auc_score(test_rows[:, -1], model.predict_proba(test_rows[:, :-1])[:, 1]))
    model.save_model(job["model"])


def predict(job, out):
    model = classifier(job["xgboost"])
    model.load_model(job["model"])
    score = load(job["score"])
    model.predict_proba(score[:16])  # untimed: a fresh process's one-time set-up is not prediction
    started = time.perf_counter()
    model.predict_proba(score)
    out["xgb_predict_s"] = time.perf_counter() - started
    out["xgb_predict_rows"] = int(score.shape[0])


def kmeans(job, out):
    km = job["kmeans"]
    fit = load(km["fit"]).astype(np.float64)  # Tribuo's k-means works in doubles
    # tol=0: run to convergence (no label changes) or the cap, as Tribuo does; one k-means++ start, as Tribuo
    # does; fitted on the same seeded sample the Java side fits on, then every row assigned, as the service does
    model = KMeans(n_clusters=int(km["k"]), init="k-means++", n_init=1, max_iter=int(km["iterations"]), tol=0.0,
                   algorithm="lloyd", random_state=int(km["seed"]) % (2 ** 32))
    # untimed: a fresh process's one-time set-up (OpenMP pool, threadpoolctl's library scan) is not k-means
    KMeans(n_clusters=int(km["k"]), init="k-means++", n_init=1, max_iter=2, random_state=0).fit(fit[:1000])
    started = time.perf_counter()
    model.fit(fit)
    out["kmeans_fit_s"] = time.perf_counter() - started
    out["kmeans_iterations"] = int(model.n_iter_)
    del fit
    z = load(km).astype(np.float64)
    started = time.perf_counter()
    model.predict(z)
    out["kmeans_assign_s"] = time.perf_counter() - started
    out["kmeans_inertia"] = float(-model.score(z))


def main(job_path, task):
    job = json.load(open(job_path))
    out = {"versions": "xgboost %s, scikit-learn %s, numpy %s" % (xgb.__version__, sklearn.__version__, np.__version__)}
    {"train": train, "predict": predict, "kmeans": kmeans}[task](job, out)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
