#!/usr/bin/env bash
# Installs this build into a temporary prefix, builds the example archive
# tool (docs/examples/search_archive) against the installed CMake package
# as a fresh project would, runs it on corpus/, and checks the installed
# byline-index finds its entity model under the prefix.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
for f in bin/byline-index bin/byline-search include/byline/schema.h \
         include/byline/index/indexer.h include/byline/search/searcher.h \
         include/byline/search/http_server.h share/byline/ner-en.model \
         libexec/byline/byline-check-db lib/cmake/Byline/BylineConfig.cmake; do
  [ -e "$tmp/prefix/$f" ] || { echo "install_test: $f not installed" >&2; exit 1; }
done

cmake -S "$source/docs/examples/search_archive" -B "$tmp/example" \
  -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_BUILD_TYPE=Release > "$tmp/configure.log" ||
  { cat "$tmp/configure.log" >&2; exit 1; }
cmake --build "$tmp/example" -j2 > "$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log" >&2; exit 1; }

# The example indexes corpus/ and searches it, with facets.
out=$("$tmp/example/search_archive" "$tmp/news.db" "$source/corpus" ferry strike)
echo "$out"
grep -q '^indexed [1-9][0-9]* articles' <<<"$out" ||
  { echo "install_test: nothing indexed" >&2; exit 1; }
grep -q '^1\. Ferry crews walk out' <<<"$out" ||
  { echo "install_test: the ferry strike article is not first" >&2; exit 1; }
grep -q '^org:.*Motława Ferry Lines' <<<"$out" ||
  { echo "install_test: no organisation facets" >&2; exit 1; }
# The model the example used is the installed one.
grep -q "(entity model $tmp/prefix/share/byline/ner-en.model)" <<<"$out" ||
  { echo "install_test: the example was not given the installed model" >&2; exit 1; }

# The installed program uses the model installed beside it, not the source
# tree's, and tags entities with it.
version=$(env -u BYLINE_NER_MODEL "$tmp/prefix/bin/byline-index" --version)
grep -qx "entity model $tmp/prefix/share/byline/ner-en.model" <<<"$version" ||
  { echo "install_test: installed byline-index uses another model: $version" >&2; exit 1; }
mkdir "$tmp/elsewhere"
cp "$source/corpus/txt/nato-poland-missiles.txt" "$tmp/elsewhere/"
env -u BYLINE_NER_MODEL "$tmp/prefix/bin/byline-index" --extract \
  "$tmp/elsewhere/nato-poland-missiles.txt" > "$tmp/extract.jsonl"
grep -q '"name":"Jens Stoltenberg"' "$tmp/extract.jsonl" ||
  { echo "install_test: installed byline-index found no entities" >&2; exit 1; }
# A second run into the same database checks it first, with the checker
# program installed under libexec.
env -u BYLINE_NER_MODEL "$tmp/prefix/bin/byline-index" -q --db "$tmp/again.db" \
  "$tmp/elsewhere" || { echo "install_test: first run failed" >&2; exit 1; }
env -u BYLINE_NER_MODEL "$tmp/prefix/bin/byline-index" -q --db "$tmp/again.db" \
  --force --check-database full "$tmp/elsewhere" ||
  { echo "install_test: the checked run failed" >&2; exit 1; }
echo "install_test: OK"
