// toml++'s implementation, compiled into the fuzzer so that it is instrumented (see
// CMakeLists.txt). The library itself links Debian's prebuilt libtomlplusplus instead.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
