#include "regiosim/core/random.hpp"

#include <algorithm>
#include <cmath>

#include "machinery/portable_math.hpp"
#include "machinery/vector_clones.hpp"

namespace regiosim {

namespace {

std::uint64_t splitmix64(std::uint64_t x) noexcept {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// With portable log, sine and cosine (portable_math.hpp): the same bits on every CPU and inside
// vectorised loops; in double precision (normal_pair) or single (single_normals).
template <class T>
[[gnu::always_inline]] inline void box_muller(T u1, T u2, T& first, T& second) noexcept {
    const T radius = std::sqrt(T{-2} * portable::log_positive(u1));
    T sine = 0;
    T cosine = 0;
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

REGIOSIM_VECTOR_CLONES void RandomStream::single_uniform_chunk(
    DrawPurpose purpose, std::uint32_t month, std::uint32_t sub, std::uint32_t first,
    std::size_t blocks, float* out) const noexcept {
    for (std::size_t k = 0; k < blocks; ++k) {
        const auto b = block(purpose, month, first + static_cast<std::uint32_t>(k), sub);
        out[4 * k] = unit_open_single(b[0]);
        out[4 * k + 1] = unit_open_single(b[1]);
        out[4 * k + 2] = unit_open_single(b[2]);
        out[4 * k + 3] = unit_open_single(b[3]);
    }
}

void RandomStream::single_uniforms(DrawPurpose purpose, std::uint32_t month, std::uint32_t sub,
                                   std::size_t count, float* out) const noexcept {
    const std::size_t whole = count / 4;
    single_uniform_chunk(purpose, month, sub, 0, whole, out);
    if (count % 4 != 0) {
        float last[4];
        single_uniform_chunk(purpose, month, sub, static_cast<std::uint32_t>(whole), 1, last);
        std::copy(last, last + count % 4, out + 4 * whole);
    }
}

REGIOSIM_VECTOR_CLONES void RandomStream::single_exponentials(DrawPurpose purpose,
                                                              std::uint32_t month,
                                                              std::uint32_t sub, std::size_t count,
                                                              float* out) const noexcept {
    // The uniforms, then their logarithms in place, in a loop that vectorises.
    single_uniforms(purpose, month, sub, count, out);
    for (std::size_t i = 0; i < count; ++i) {
        out[i] = -portable::log_positive(out[i]);
    }
}

REGIOSIM_VECTOR_CLONES void RandomStream::single_normal_chunk(
    DrawPurpose purpose, std::uint32_t month, std::uint32_t index, std::uint32_t first,
    std::size_t blocks, float* out) const noexcept {
    // The generator's rounds in one loop, the transforms in another, both vectorised; the
    // uniforms are stored pair by pair, so the transform's loop reads them in order.
    float u1[2 * normal_chunk_size];
    float u2[2 * normal_chunk_size];
    for (std::size_t k = 0; k < blocks; ++k) {
        const auto b = block(purpose, month, index, first + static_cast<std::uint32_t>(k));
        u1[2 * k] = unit_open_single(b[0]);
        u2[2 * k] = unit_open_single(b[1]);
        u1[2 * k + 1] = unit_open_single(b[2]);
        u2[2 * k + 1] = unit_open_single(b[3]);
    }
    for (std::size_t k = 0; k < 2 * blocks; ++k) {
        box_muller(u1[k], u2[k], out[2 * k], out[2 * k + 1]);
    }
}

void RandomStream::single_normals(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                                  std::size_t count, float* out) const noexcept {
    const std::size_t whole = count / 4;
    for (std::size_t first = 0; first < whole; first += normal_chunk_size) {
        single_normal_chunk(purpose, month, index, static_cast<std::uint32_t>(first),
                            std::min(normal_chunk_size, whole - first), out + 4 * first);
    }
    if (count % 4 != 0) {
        float last[4];
        single_normal_chunk(purpose, month, index, static_cast<std::uint32_t>(whole), 1, last);
        std::copy(last, last + count % 4, out + 4 * whole);
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
