# Captures the git commit and a dirty flag at configure time into a generated header.
find_package(Git QUIET)
set(REGIOSIM_GIT_COMMIT "unknown")
set(REGIOSIM_GIT_DIRTY "false")
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse HEAD
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE _commit
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _rc)
  if(_rc EQUAL 0)
    set(REGIOSIM_GIT_COMMIT "${_commit}")
  endif()
  execute_process(COMMAND ${GIT_EXECUTABLE} status --porcelain --untracked-files=no
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE _status
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT "${_status}" STREQUAL "")
    set(REGIOSIM_GIT_DIRTY "true")
  endif()
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/version.hpp.in
  ${PROJECT_BINARY_DIR}/generated/regiosim/version.hpp @ONLY)
add_library(regiosim_version INTERFACE)
add_library(regiosim::version ALIAS regiosim_version)
target_include_directories(regiosim_version INTERFACE ${PROJECT_BINARY_DIR}/generated)
