# Tests of the NER tagger (indexer/ner). Included from tests/CMakeLists.txt.
# They use only the shipped model (models/ner-en.model) and sentences
# written for them, never ../shared/data.
add_executable(byline_ner_tests
  ${CMAKE_CURRENT_LIST_DIR}/unit/ner_tagger_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/unit/ner_decoder_test.cc
)
# The decoder test reads the tagger's internal headers.
target_include_directories(byline_ner_tests PRIVATE
  ${CMAKE_SOURCE_DIR}/indexer/ner/src)
target_link_libraries(byline_ner_tests PRIVATE
  byline_ner byline_test_support GTest::gtest_main)
gtest_discover_tests(byline_ner_tests)
