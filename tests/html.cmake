# Tests of the HTML reader (indexer/read/html_reader.cc, html_charset.cc) and
# the driver of bench/html_eval. Included from tests/CMakeLists.txt. The
# tests read only the pages in tests/data/html, written for them.
add_executable(byline_html_tests
  ${CMAKE_CURRENT_LIST_DIR}/unit/html_reader_test.cc
)
target_link_libraries(byline_html_tests PRIVATE
  byline_index byline_test_support GTest::gtest_main)
gtest_discover_tests(byline_html_tests)

# byline-html-extract: prints what the reader finds in each (gzipped) page
# as JSON Lines; bench/html_eval runs it.
find_package(ZLIB REQUIRED)
add_executable(byline-html-extract
  ${CMAKE_CURRENT_LIST_DIR}/../bench/html/html_extract.cc)
target_link_libraries(byline-html-extract PRIVATE
  byline_index nlohmann_json::nlohmann_json ZLIB::ZLIB)
