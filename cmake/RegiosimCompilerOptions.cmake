# Flags every regiosim target links privately through regiosim::build_flags.
# -ffp-contract=off keeps floating-point results identical across machines:
# fused multiply-add would change the last bits of trust and commitment updates.
add_library(regiosim_build_flags INTERFACE)
add_library(regiosim::build_flags ALIAS regiosim_build_flags)
target_compile_features(regiosim_build_flags INTERFACE cxx_std_20)
target_compile_options(regiosim_build_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
  -ffp-contract=off -fno-fast-math)
# GCC 12 reports false -Wrestrict positives inside libstdc++'s std::string at -O2
# (GCC bug 105329); the warning stays on for other compilers.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(regiosim_build_flags INTERFACE -Wno-restrict)
endif()
if(REGIOSIM_WARNINGS_AS_ERRORS)
  target_compile_options(regiosim_build_flags INTERFACE -Werror)
endif()
if(REGIOSIM_SANITIZE)
  target_compile_options(regiosim_build_flags INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  # Sanitizer instrumentation defeats GCC's flow analysis: libstdc++'s own std::regex (used by
  # Catch2) then triggers false -Wmaybe-uninitialized reports (GCC bugs 105562, 107919). The
  # warning stays an error in the release and debug builds, which see the same code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(regiosim_build_flags INTERFACE -Wno-maybe-uninitialized)
  endif()
  target_link_options(regiosim_build_flags INTERFACE -fsanitize=address,undefined)
endif()
