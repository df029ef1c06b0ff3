#!/usr/bin/env python3
"""Converts the token-level NER sets of ../shared/data/ner into names JSONL.

Names JSONL is what `byline-train-ner train --jsonl` reads and what
`bench/ner_eval` scores against: one document a line,
`{"doc_id", "text", "entities": [{"start", "end", "type", "text"}]}`,
character offsets, types PER / ORG / LOC, paragraphs separated by a blank
line. Tokens are joined with spaces except where English puts none (before
, . ; : ! ? ) 's n't, after ( and opening quotes), so that the text looks
like text to Byline's tokenizer.

Usage:
  bench/ner/to_names_jsonl.py [--layout prose|lines|raw] CORPUS OUT.jsonl
--layout prose (the default) writes paragraphs of three sentences as above;
lines writes one sentence a line, as the CoNLL files hold them, with no
blank lines; raw does the same and joins every token with a space
("Japan 's", "U.S. ,"), the way a CoNLL file reads when its tokens are
pasted back together: the unseen newswire test may come in either.
CORPUS is one of: wikigold, btc-train, btc-dev, btc-test, btc-news (BTC
section g, tweets of news accounts), uner-ewt, uner-pud, re-docred,
crossner-politics, crossner-science, crossner-music, crossner-literature,
crossner-ai. Type mappings follow ../shared/data/README.md. The output is
derived from the open data and stays outside the repository (/tmp).
"""
import gzip
import json
import os
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    "../../../shared/data/ner")

CROSSNER_TYPES = {
    "person": "PER", "politician": "PER", "scientist": "PER",
    "writer": "PER", "researcher": "PER", "musicalartist": "PER",
    "organisation": "ORG", "politicalparty": "ORG", "university": "ORG",
    "band": "ORG",
    "location": "LOC", "country": "LOC",
}
BASIC_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
                   "'s", "'S", "’s", "n't", "'", "''", "'re", "'ve", "'ll",
                   "'d", "'m", "...", "”"}
NO_SPACE_AFTER = {"(", "[", "{", "``", "“", "$", "#", "@"}


def read_lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n")


def spans_from_tags(tags, mapping):
    """(first, last+1, type) runs from IOB2 or IO tags (in IO, adjacent names
    of one type run together)."""
    spans, start, kind = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, t = tag.partition("-")
        t = t or None
        if start is not None and (t != kind or prefix == "B"):
            if kind in mapping:
                spans.append((start, i, mapping[kind]))
            start, kind = None, None
        if t is not None and start is None:
            start, kind = i, t
    return spans


class DocWriter:
    """Builds one document's text and character spans from sentences."""

    layout = "prose"

    def __init__(self, doc_id):
        self.doc_id = doc_id
        self.text = ""
        self.entities = []
        self.sentences_in_paragraph = 0

    def add_sentence(self, tokens, spans, per_paragraph=3):
        if self.text:
            if self.layout != "prose":
                self.text += "\n"
            elif self.sentences_in_paragraph >= per_paragraph:
                self.text += "\n\n"
                self.sentences_in_paragraph = 0
            else:
                self.text += " "
        starts, ends = [], []
        prev = None
        for i, tok in enumerate(tokens):
            if i > 0 and (self.layout == "raw" or (
                    tok not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER)):
                self.text += " "
            starts.append(len(self.text))
            self.text += tok
            ends.append(len(self.text))
            prev = tok
        for first, last, kind in spans:
            s, e = starts[first], ends[last - 1]
            self.entities.append({"start": s, "end": e, "type": kind,
                                  "text": self.text[s:e]})
        self.sentences_in_paragraph += 1

    def json(self):
        return json.dumps({"doc_id": self.doc_id, "text": self.text,
                           "entities": self.entities}, ensure_ascii=False)


def conll_sentences(path, token_col, tag_col, sep=None, skip_comments=False):
    """(tokens, tags, doc_break_before) per sentence of a column file."""
    tokens, tags, doc_break = [], [], False
    for line in read_lines(path):
        if skip_comments and line.startswith("#"):
            if line.startswith("# newdoc"):
                doc_break = True
            continue
        if not line.strip():
            if tokens:
                yield tokens, tags, doc_break
                doc_break = False
            tokens, tags = [], []
            continue
        cols = line.split(sep)
        if cols[0] == "-DOCSTART-":
            doc_break = True
            continue
        tokens.append(cols[token_col])
        tags.append(cols[tag_col] if len(cols) > tag_col else "O")
    if tokens:
        yield tokens, tags, doc_break


def convert_columns(name, paths, token_col, tag_col, mapping, sep=None,
                    skip_comments=False, one_doc_per_sentence=False):
    docs, doc = [], None
    for path in paths:
        for tokens, tags, doc_break in conll_sentences(
                path, token_col, tag_col, sep, skip_comments):
            if doc is None or doc_break or one_doc_per_sentence:
                if doc is not None and doc.text:
                    docs.append(doc)
                doc = DocWriter(f"{name}-{len(docs) + 1:05d}")
            doc.add_sentence(tokens, spans_from_tags(tags, mapping))
    if doc is not None and doc.text:
        docs.append(doc)
    return docs


def convert_docred(path, demonyms, number_from=0):
    """Documents numbered from number_from + 1, so that two files' ids differ."""
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    for n, d in enumerate(data):
        per_sentence = [[] for _ in d["sents"]]
        for entity in d["vertexSet"]:
            for m in entity:
                kind = BASIC_TYPES.get(m["type"])
                if kind is None:
                    continue
                first, last = m["pos"]
                words = d["sents"][m["sent_id"]][first:last]
                # Re-DocRED's LOC covers demonyms ("German"): not places.
                if kind == "LOC" and " ".join(words).lower() in demonyms:
                    continue
                per_sentence[m["sent_id"]].append((first, last, kind))
        doc = DocWriter(f"redocred-{number_from + n + 1:05d}")
        for tokens, spans in zip(d["sents"], per_sentence):
            # Overlapping mentions (a few): keep the first of each overlap.
            kept, taken = [], set()
            for s in sorted(set(spans)):
                if not taken.intersection(range(s[0], s[1])):
                    kept.append(s)
                    taken.update(range(s[0], s[1]))
            doc.add_sentence(tokens, kept)
        docs.append(doc)
    return docs


def load_demonyms():
    path = "/tmp/npm-gaz/lists/demonyms.txt"
    if not os.path.exists(path):
        return set()
    return {line.strip().lower() for line in open(path, encoding="utf-8")
            if line.strip()}


def main():
    args = sys.argv[1:]
    if len(args) == 4 and args[0] == "--layout" and args[1] in ("prose", "lines", "raw"):
        DocWriter.layout = args[1]
        args = args[2:]
    if len(args) != 2:
        sys.exit(__doc__)
    corpus, out = args
    D = DATA
    if corpus == "wikigold":
        docs = convert_columns("wikigold", [f"{D}/wikigold/wikigold.conll.txt.gz"],
                               0, 1, BASIC_TYPES, sep=" ")
    elif corpus.startswith("btc-"):
        split = corpus[4:]
        path = (f"{D}/btc/sections/g.conll.gz" if split == "news"
                else f"{D}/btc/btc.{split}.gz")
        docs = convert_columns(corpus, [path], 0, 1, BASIC_TYPES, sep="\t",
                               one_doc_per_sentence=True)
    elif corpus in ("uner-ewt", "uner-pud"):
        paths = ([f"{D}/uner_en_ewt/en_ewt-ud-{s}.iob2.gz" for s in ("dev", "test")]
                 if corpus == "uner-ewt" else [f"{D}/uner_en_pud/en_pud-ud-test.iob2.gz"])
        docs = convert_columns(corpus, paths, 1, 2, BASIC_TYPES, sep="\t",
                               skip_comments=True)
    elif corpus == "re-docred":
        demonyms = load_demonyms()
        docs = []
        for split in ("dev", "test"):
            docs += convert_docred(f"{D}/re_docred/{split}_revised.json.gz",
                                   demonyms, len(docs))
    elif corpus.startswith("crossner-"):
        domain = corpus[len("crossner-"):]
        paths = [f"{D}/crossner/{domain}/{s}.txt.gz" for s in ("train", "dev", "test")]
        docs = convert_columns(corpus, paths, 0, 1, CROSSNER_TYPES, sep="\t",
                               one_doc_per_sentence=True)
    else:
        sys.exit(f"unknown corpus {corpus}\n\n{__doc__}")
    with open(out, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(d.json() + "\n")
    counts = {}
    for d in docs:
        for e in d.entities:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    print(f"{corpus}: {len(docs)} documents, entities {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
