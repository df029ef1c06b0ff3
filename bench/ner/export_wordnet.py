#!/usr/bin/env python3
"""Writes name lists from WordNet 3.0 (Debian's wordnet-base) for the trainer.

Reads /usr/share/wordnet/data.noun and writes, into OUT_DIR (the directory
of bench/ner/export_gazetteers.mjs's lists):

  wordnet_orgs.txt        capitalised members of noun.group synsets under
                          "organization" or a body of government (court,
                          council, assembly, legislature ...), and
                          universities and colleges: "Society of Jesus",
                          "Royal Society", "Mossad", "Eton College"
  wordnet_places.txt      capitalised members of noun.location and
                          noun.object synsets (cities, regions, rivers,
                          mountains), without stars and constellations
  wordnet_facilities.txt  capitalised members of noun.artifact synsets under
                          "structure" (bridges, buildings, memorials, dams)

One name a line, underscores as spaces. Dynasties, families, ethnic
groups, cultures, movements and church councils (events) are left out of
the organisations, and a name that is also a place is only a place. Only
names whose words are all capitalised (but for "of", "the" ...) are kept,
and no nationality word of OUT_DIR/demonyms.txt (written first by
export_gazetteers.mjs).
Deterministic: the same package gives the same lists.

usage: export_wordnet.py OUT_DIR [WORDNET_DIR]
"""
import os
import sys

# Hypernyms (first lemma of the synset) that make a noun.group synset an
# organisation, and ones that keep it out even so.
ORG_ROOTS = {"organization", "court", "council", "assembly", "legislature",
             "house", "parliament", "senate", "congress", "administration",
             "bureaucracy", "organized_crime", "syndicate", "civil_service",
             "high_command", "deliberative_assembly", "convention"}
NOT_ORG = {"dynasty", "royalty", "family", "kin", "ethnic_group",
           "ethnic_minority", "race", "people", "culture", "civilization",
           "set", "metric_space", "square_matrix", "sequence", "mythology",
           "artistic_movement", "political_movement", "movement",
           "citizenry", "ecumenical_council", "conference", "empire",
           "nobility", "estate_of_the_realm", "couple", "pair", "trio",
           "audience", "horde", "world", "colony", "line", "Tribes_of_Israel"}
NOT_PLACE = {"constellation", "star", "giant_star", "binary_star",
             "double_star", "variable_star", "supergiant"}
SCHOOLS = {"university", "college"}
JOINING = {"of", "the", "and", "for", "de", "del", "la", "le", "du", "von",
           "van", "al", "y", "on", "upon", "in", "at", "&"}

NOUN_GROUP, NOUN_LOCATION, NOUN_OBJECT, NOUN_ARTIFACT = 14, 15, 17, 6


def read_synsets(path):
    synsets = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):  # licence header
                continue
            fields = line.split(" | ")[0].split()
            offset, lex = fields[0], int(fields[1])
            n = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(n)]
            k = 4 + 2 * n
            hypernyms = []
            for i in range(int(fields[k])):
                symbol, target = fields[k + 1 + 4 * i], fields[k + 2 + 4 * i]
                if symbol in ("@", "@i"):
                    hypernyms.append(target)
            synsets[offset] = (lex, words, hypernyms)
    return synsets


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    wn_dir = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/wordnet"
    synsets = read_synsets(os.path.join(wn_dir, "data.noun"))

    def ancestors(offset):
        seen, stack = set(), [offset]
        while stack:
            for h in synsets[stack.pop()][2]:
                if h not in seen:
                    seen.add(h)
                    stack.append(h)
        return {synsets[h][1][0] for h in seen}

    # Nationality words are not names ("Canadian" is also a river): the
    # demonym list of export_gazetteers.mjs, when it is there.
    demonyms = set()
    demonym_path = os.path.join(out_dir, "demonyms.txt")
    if os.path.exists(demonym_path):
        with open(demonym_path, encoding="utf-8") as f:
            demonyms = {line.strip() for line in f}

    def is_name(name):
        # Every word capitalised, but for joining words: "Bay of Bengal",
        # not "Greek chorus".
        words = name.split()
        return name not in demonyms and all(
            w[0].isupper() or w[0].isdigit() or w in JOINING for w in words)

    lists = {"orgs": set(), "places": set(), "facilities": set()}
    for offset, (lex, words, _) in synsets.items():
        names = [w.replace("_", " ") for w in words if w[0].isupper()]
        # "(a)" / "(p)" markers appear on adjectives only; strip any anyway.
        names = [n.split("(")[0] for n in names]
        names = [n for n in names if is_name(n)]
        if not names:
            continue
        up = ancestors(offset)
        target = None
        if lex == NOUN_GROUP and up & ORG_ROOTS and not up & NOT_ORG:
            target = "orgs"
        elif lex in (NOUN_LOCATION, NOUN_OBJECT) and not up & NOT_PLACE:
            target = "places"
        elif lex == NOUN_ARTIFACT and "structure" in up:
            target = "orgs" if up & SCHOOLS else "facilities"
        if target:
            lists[target].update(names)
    # A name that is also a place is a place ("United States" is a
    # government in noun.group too): the GUM style types it LOC.
    lists["orgs"] -= lists["places"]
    lists["facilities"] -= lists["places"] | lists["orgs"]
    os.makedirs(out_dir, exist_ok=True)
    for name, entries in lists.items():
        path = os.path.join(out_dir, f"wordnet_{name}.txt")
        with open(path, "w", encoding="utf-8") as f:
            for e in sorted(entries):
                f.write(e + "\n")
        print(f"wordnet_{name}.txt: {len(entries)}")


if __name__ == "__main__":
    main()
