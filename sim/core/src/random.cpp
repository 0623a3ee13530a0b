#include "regiosim/core/random.hpp"

#include <algorithm>
#include <cmath>

#include "portable_math.hpp"
#include "vector_clones.hpp"

namespace regiosim {

namespace {

std::uint64_t splitmix64(std::uint64_t x) noexcept {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// With portable log, sine and cosine (portable_math.hpp): the same bits on every CPU and inside
// vectorised loops.
void box_muller(double u1, double u2, double& first, double& second) noexcept {
    const double radius = std::sqrt(-2.0 * portable::log_positive(u1));
    double sine = 0.0;
    double cosine = 0.0;
    portable::sincos_turns(u2, sine, cosine);
    first = radius * cosine;
    second = radius * sine;
}

}  // namespace

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t run_index) noexcept
    : seed_(seed), run_index_(run_index) {
    // The run index enters the key (not only the counter) so that runs are independent
    // streams even for purposes that use every counter word.
    const std::uint64_t mixed = splitmix64(seed ^ splitmix64(run_index));
    key_ = {{static_cast<std::uint32_t>(mixed), static_cast<std::uint32_t>(mixed >> 32)}};
}

REGIOSIM_VECTOR_CLONES void RandomStream::uniforms(DrawPurpose purpose, std::uint32_t month,
                                                   std::uint32_t sub, std::size_t count,
                                                   double* out) const noexcept {
    for (std::size_t i = 0; i < count; ++i) {
        out[i] = uniform(purpose, month, static_cast<std::uint32_t>(i), sub);
    }
}

REGIOSIM_VECTOR_CLONES void RandomStream::exponentials(DrawPurpose purpose, std::uint32_t month,
                                                       std::uint32_t sub, std::size_t count,
                                                       double* out) const noexcept {
    for (std::size_t i = 0; i < count; ++i) {
        out[i] =
            -portable::log_positive(uniform(purpose, month, static_cast<std::uint32_t>(i), sub));
    }
}

REGIOSIM_VECTOR_CLONES void RandomStream::normal_chunk(DrawPurpose purpose, std::uint32_t month,
                                                       std::uint32_t index, std::uint32_t first,
                                                       std::size_t pairs,
                                                       double* out) const noexcept {
    // The generator's rounds and the transform in separate loops, each of which vectorises;
    // the uniforms in between stay on the stack, in L1.
    double u1[normal_chunk_size];
    double u2[normal_chunk_size];
    for (std::size_t k = 0; k < pairs; ++k) {
        const auto b = block(purpose, month, index, first + static_cast<std::uint32_t>(k));
        u1[k] = unit_open(b[0], b[1]);
        u2[k] = unit_open(b[2], b[3]);
    }
    for (std::size_t k = 0; k < pairs; ++k) {
        box_muller(u1[k], u2[k], out[2 * k], out[2 * k + 1]);
    }
}

void RandomStream::normals(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                           std::size_t count, double* out) const noexcept {
    const std::size_t whole = count / 2;
    for (std::size_t first = 0; first < whole; first += normal_chunk_size) {
        normal_chunk(purpose, month, index, static_cast<std::uint32_t>(first),
                     std::min(normal_chunk_size, whole - first), out + 2 * first);
    }
    if (count % 2 != 0) {
        out[count - 1] =
            normal_pair(purpose, month, index, static_cast<std::uint32_t>(whole)).first;
    }
}

double RandomStream::exponential(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                                 std::uint32_t sub) const noexcept {
    return -portable::log_positive(uniform(purpose, month, index, sub));
}

std::pair<double, double> RandomStream::normal_pair(DrawPurpose purpose, std::uint32_t month,
                                                    std::uint32_t index,
                                                    std::uint32_t sub) const noexcept {
    const auto b = block(purpose, month, index, sub);
    std::pair<double, double> z;
    box_muller(unit_open(b[0], b[1]), unit_open(b[2], b[3]), z.first, z.second);
    return z;
}

std::uint64_t derive_seed(std::uint64_t master, std::uint64_t a, std::uint64_t b,
                          std::uint64_t c) noexcept {
    std::uint64_t h = splitmix64(master);
    h = splitmix64(h ^ a);
    h = splitmix64(h ^ b);
    return splitmix64(h ^ c);
}

}  // namespace regiosim
