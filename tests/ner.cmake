# Tests of the NER tagger (indexer/ner). Included from tests/CMakeLists.txt.
