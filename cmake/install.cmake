# `cmake --install build --prefix P`: the programs, the libraries with their
# headers, the entity model, and a CMake package, so that another project's
#   find_package(Byline REQUIRED)
#   target_link_libraries(app PRIVATE Byline::index Byline::search)
# builds against them (docs/examples/search_archive).
include(CMakePackageConfigHelpers)

# The library targets, exported as Byline::core, ::ner, ::index, ::search,
# ::http; in this tree the same names are aliases.
set(BYLINE_LIBRARIES byline_core byline_ner byline_index byline_search
    byline_http)
foreach(lib IN LISTS BYLINE_LIBRARIES)
  string(REPLACE "byline_" "" short ${lib})
  set_target_properties(${lib} PROPERTIES EXPORT_NAME ${short})
  add_library(Byline::${short} ALIAS ${lib})
endforeach()

install(TARGETS byline-index byline-search byline-serve
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The database checker byline_index starts (database_check.h).
install(TARGETS byline-check-db
  RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/byline)
install(TARGETS ${BYLINE_LIBRARIES} EXPORT BylineTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY
    ${PROJECT_SOURCE_DIR}/core/include/
    ${PROJECT_SOURCE_DIR}/indexer/include/
    ${PROJECT_SOURCE_DIR}/indexer/read/include/
    ${PROJECT_SOURCE_DIR}/indexer/ner/include/
    ${PROJECT_SOURCE_DIR}/searcher/include/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
# The tagger looks for its model beside the installed programs
# (<prefix>/share/byline); a program of another project is given its path
# by the package (Byline_NER_MODEL) or $BYLINE_NER_MODEL.
install(FILES ${PROJECT_SOURCE_DIR}/models/ner-en.model
  DESTINATION ${CMAKE_INSTALL_DATADIR}/byline)

set(BYLINE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Byline)
install(EXPORT BylineTargets NAMESPACE Byline::
  DESTINATION ${BYLINE_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/BylineConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/BylineConfig.cmake
  INSTALL_DESTINATION ${BYLINE_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_DATADIR)
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/BylineConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/BylineConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/BylineConfigVersion.cmake
  DESTINATION ${BYLINE_CMAKE_DIR})
