#include "regiosim/server/free_memory.hpp"

#include <cstdlib>  // defines __GLIBC__ on glibc, which the test below needs

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace regiosim::server {

void return_free_memory() {
#if defined(__GLIBC__)
    // 0: keep no extra padding at the top of the heap; glibc trims every arena, not only the
    // main one, and releases whole free pages inside them too.
    malloc_trim(0);
#endif
}

}  // namespace regiosim::server
