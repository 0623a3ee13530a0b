# One helper registers every test binary: Catch2 v2 discovery, one label set per binary.
find_package(Catch2 2 REQUIRED)
include(Catch)

add_library(regiosim_test_main OBJECT ${PROJECT_SOURCE_DIR}/tests/test_main.cpp)
target_link_libraries(regiosim_test_main PUBLIC Catch2::Catch2 regiosim::build_flags)

# regiosim_add_test(NAME SOURCES ... LIBS ... LABELS ...)
function(regiosim_add_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE regiosim_test_main ${T_LIBS} regiosim::build_flags)
  target_compile_definitions(${name} PRIVATE
    REGIOSIM_SOURCE_DIR="${PROJECT_SOURCE_DIR}" REGIOSIM_BINARY_DIR="${PROJECT_BINARY_DIR}")
  catch_discover_tests(${name}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES LABELS "${T_LABELS}"
    DISCOVERY_TIMEOUT 60)
  # catch_discover_tests passes PROPERTIES on flattened, which keeps only the first of several
  # labels: set them all once the discovered tests (listed in ${name}_TESTS) are known.
  set(_labels_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_labels.cmake)
  file(WRITE ${_labels_file}
    "if(${name}_TESTS)\n"
    "  set_tests_properties(\${${name}_TESTS} PROPERTIES LABELS \"${T_LABELS}\")\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${_labels_file})
endfunction()
