# The charts of the policymaker report (report/web/): npm packages and an esbuild bundle, written
# as a generated C++ source that sim/report compiles in, so a report opens offline with no CDN.
# node_modules and the bundle live in the build tree; `npm ci` reruns only when package.json or
# package-lock.json change, the bundle only when report/web changes.
#
# regiosim_report_assets(<cpp-file>) adds the commands that produce <cpp-file>.

find_program(REGIOSIM_NPM npm)
find_program(REGIOSIM_NODE node)
if(NOT REGIOSIM_NPM OR NOT REGIOSIM_NODE)
  message(FATAL_ERROR
    "regiosim needs Node.js and npm to build the charts of `regiosim report` (report/web/). "
    "Run scripts/install-deps.sh, then configure again.")
endif()

set(REGIOSIM_REPORT_WEB_DIR ${PROJECT_SOURCE_DIR}/report/web)
set(REGIOSIM_REPORT_WEB_BUILD_DIR ${PROJECT_BINARY_DIR}/report-web
    CACHE INTERNAL "npm packages and bundle of the report's charts")

function(regiosim_report_assets cpp_file)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${REGIOSIM_REPORT_WEB_DIR}/src/*)
  file(MAKE_DIRECTORY ${REGIOSIM_REPORT_WEB_BUILD_DIR})
  set(stamp ${REGIOSIM_REPORT_WEB_BUILD_DIR}/npm-ci.stamp)

  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different
            ${REGIOSIM_REPORT_WEB_DIR}/package.json ${REGIOSIM_REPORT_WEB_DIR}/package-lock.json
            ${REGIOSIM_REPORT_WEB_BUILD_DIR}/
    COMMAND ${REGIOSIM_NPM} ci --no-audit --no-fund --loglevel=error
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    WORKING_DIRECTORY ${REGIOSIM_REPORT_WEB_BUILD_DIR}
    DEPENDS ${REGIOSIM_REPORT_WEB_DIR}/package.json ${REGIOSIM_REPORT_WEB_DIR}/package-lock.json
    COMMENT "Installing the report charts' npm packages (npm ci)"
    VERBATIM)

  add_custom_command(
    OUTPUT ${cpp_file}
    COMMAND ${REGIOSIM_NODE} ${REGIOSIM_REPORT_WEB_DIR}/build.mjs
            --modules ${REGIOSIM_REPORT_WEB_BUILD_DIR}/node_modules
            --out ${REGIOSIM_REPORT_WEB_BUILD_DIR}/dist
            --cpp ${cpp_file}
    DEPENDS ${stamp} ${REGIOSIM_REPORT_WEB_DIR}/build.mjs ${sources}
    COMMENT "Bundling the report charts (esbuild) into ${cpp_file}"
    VERBATIM)
endfunction()
