// Which instruction set the vector kernels (vector_block.hpp) run on.
#include <atomic>
#include <cstdlib>
#include <string_view>

#include "vector_block.hpp"

namespace regiosim::model {

namespace {

VectorIsa from_environment(VectorIsa best) noexcept {
    // Read once, by the first kernel to run. Any other name means the best set: the choice
    // changes the speed, never a result.
    const char* asked = std::getenv("REGIOSIM_VECTOR_ISA");
    if (asked == nullptr) {
        return best;
    }
    const std::string_view name(asked);
    const VectorIsa isa = name == "baseline" ? VectorIsa::baseline
                          : name == "avx2"   ? VectorIsa::avx2
                                             : VectorIsa::avx512;
    return isa < best ? isa : best;
}

}  // namespace

// Set when the program loads. Should a kernel ever run before (from another file's static
// initialiser), it reads the zero-initialised value, the baseline, which computes the same bits.
std::atomic<VectorIsa> isa_in_use{from_environment(best_vector_isa())};

VectorIsa best_vector_isa() noexcept {
    __builtin_cpu_init();  // harmless when done; needed if this runs before the constructors
    if (__builtin_cpu_supports("avx512f")) {
        return VectorIsa::avx512;
    }
    return __builtin_cpu_supports("avx2") ? VectorIsa::avx2 : VectorIsa::baseline;
}

VectorIsa use_vector_isa(VectorIsa isa) noexcept {
    const VectorIsa best = best_vector_isa();
    const VectorIsa chosen = isa < best ? isa : best;
    isa_in_use.store(chosen, std::memory_order_relaxed);
    return chosen;
}

}  // namespace regiosim::model
