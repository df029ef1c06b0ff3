#!/usr/bin/env python3
"""Turns a hand-annotated text (bench/ner/wire_sports_dev.ann) into names
JSONL for bench/ner_eval.

The file: lines starting with "#" are comments; "== ID" starts a
document; every other line is a line of the document's text, in which
{TYPE|words} marks a name of TYPE (PER, ORG, LOC). A document's lines are
joined with line breaks, as wire copy has them.

Usage: bench/ner/ann_to_jsonl.py IN.ann OUT.jsonl
"""
import json
import re
import sys

MARK = re.compile(r"\{(PER|ORG|LOC)\|([^{}]+)\}")


def convert(lines):
    docs, doc_id, body = [], None, []

    def flush():
        if doc_id is None:
            return
        text, entities = "", []
        for line in body:
            if text:
                text += "\n"
            pos = 0
            for m in MARK.finditer(line):
                text += line[pos:m.start()]
                start = len(text)
                text += m.group(2)
                entities.append({"start": start, "end": len(text),
                                 "type": m.group(1), "text": m.group(2)})
                pos = m.end()
            text += line[pos:]
        docs.append({"doc_id": doc_id, "text": text, "entities": entities})

    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("#"):
            continue
        if line.startswith("== "):
            flush()
            doc_id, body = line[3:].strip(), []
        elif line.strip():
            body.append(line)
    flush()
    return docs


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        docs = convert(f)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    n = sum(len(d["entities"]) for d in docs)
    print(f"{len(docs)} documents, {n} names", file=sys.stderr)


if __name__ == "__main__":
    main()
