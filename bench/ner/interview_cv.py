#!/usr/bin/env python3
"""Cross-validates the NER trainer on the GUM interview documents.

Splits gum_interview_names.jsonl into folds by document, trains one model per
fold on WikiANN + WNUT-17 + the other interview documents, scores each model
on its held-out documents with `byline-train-ner eval` and prints the summed
precision / recall / F1. Never reads the GUM news documents.

With --extract, each held-out fold is also scored end to end, as
bench/ner_eval scores the news set: `byline-index --extract --ner-model
FOLD.model` over the held-out documents, so the entity extractor's document
rules are measured on held-out text too.

usage: interview_cv.py [--folds 5] [--jobs 1] [--no-wnut] [--bin BUILD/bin]
                       [--data DATA/ner] [--extract] [--model-dir DIR]
                       [-- TRAIN-ARGS]
"""
import argparse
import concurrent.futures
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
import tempfile


def load_ner_eval():
    """bench/ner_eval as a module (it has no .py suffix)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "ner_eval")
    loader = importlib.machinery.SourceFileLoader("ner_eval", path)
    spec = importlib.util.spec_from_loader("ner_eval", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--errors", action="store_true",
                    help="print the missed and spurious names")
    ap.add_argument("--bin", default="/work/build-ner/bin")
    ap.add_argument("--jobs", type=int, default=1,
                    help="folds trained at the same time")
    ap.add_argument("--extract", action="store_true",
                    help="also score byline-index --extract (end to end)")
    ap.add_argument("--model-dir", default="",
                    help="keep the fold models here and reuse them when "
                         "present (for measuring extractor rules alone)")
    ap.add_argument("--no-wnut", action="store_true",
                    help="train without WNUT-17")
    ap.add_argument("--data", default=os.path.join(
        os.path.dirname(__file__), "../../../shared/data/ner"))
    args = ap.parse_args(argv)
    names = os.path.join(args.data, "gum/gum_interview_names.jsonl")
    docs = [json.loads(line) for line in open(names, encoding="utf-8")]
    tool = os.path.join(args.bin, "byline-train-ner")
    total = {t: [0, 0, 0] for t in ("PER", "ORG", "LOC")}
    extracted = {t: [0, 0, 0] for t in ("PER", "ORG", "LOC")}  # tp, fp, fn
    ner_eval = load_ner_eval() if args.extract else None
    with tempfile.TemporaryDirectory() as tmp:
        if args.model_dir:
            os.makedirs(args.model_dir, exist_ok=True)

        def train(k):
            held = [d for i, d in enumerate(docs) if i % args.folds == k]
            gold = os.path.join(tmp, f"fold{k}.jsonl")
            with open(gold, "w", encoding="utf-8") as f:
                for d in held:
                    f.write(json.dumps(d, ensure_ascii=False) + "\n")
            model = os.path.join(args.model_dir or tmp, f"fold{k}.model")
            if args.model_dir and os.path.exists(model):
                return gold, model
            cmd = [tool, "train",
                   "--wikiann", os.path.join(args.data, "wikiann_en/train")]
            if not args.no_wnut:
                cmd += ["--wnut", os.path.join(args.data, "wnut17/wnut17train.conll")]
            cmd += ["--jsonl", names,
                    "--exclude", ",".join(d["doc_id"] for d in held),
                    "--out", model] + extra
            subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
            return gold, model
        with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
            trained = list(pool.map(train, range(args.folds)))
        for gold, model in trained:
            out = subprocess.run([tool, "eval", "--model", model, "--gold", gold]
                                 + (["--errors"] if args.errors else []),
                                 check=True, capture_output=True, text=True).stdout
            if args.errors:
                print("\n".join(l for l in out.splitlines()
                                if " missed " in l or " spurious " in l))
            for line in out.splitlines():
                parts = line.split()
                if parts and parts[0] in total:
                    for j in range(3):
                        total[parts[0]][j] += int(parts[1 + j])
            if ner_eval:
                _, counts = ner_eval.score(
                    gold, os.path.join(args.bin, "byline-index"), model)
                for t, c in counts.items():
                    extracted[t] = [a + b for a, b in zip(extracted[t], c)]
    def prf(g, p, c):
        pr = c / p if p else 0
        rc = c / g if g else 0
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0)
    print("type    gold  pred  correct  precision  recall  F1")
    sums = [0, 0, 0]
    for t, (g, p, c) in total.items():
        sums = [sums[0] + g, sums[1] + p, sums[2] + c]
        print("%-6s%6d%6d%9d%11.3f%8.3f%6.3f" % ((t, g, p, c) + prf(g, p, c)))
    print("%-6s%6d%6d%9d%11.3f%8.3f%6.3f" % (("micro",) + tuple(sums) + prf(*sums)))
    if ner_eval:
        print("end to end (byline-index --extract):")
        sums = [0, 0, 0]
        for t, (tp, fp, fn) in extracted.items():
            row = (tp + fn, tp + fp, tp)
            sums = [a + b for a, b in zip(sums, row)]
            print("%-6s%6d%6d%9d%11.3f%8.3f%6.3f" % ((t,) + row + prf(*row)))
        print("%-6s%6d%6d%9d%11.3f%8.3f%6.3f" %
              (("micro",) + tuple(sums) + prf(*sums)))


if __name__ == "__main__":
    main()
