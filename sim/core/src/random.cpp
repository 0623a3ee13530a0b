#include "regiosim/core/random.hpp"

#include <cmath>
#include <numbers>

namespace regiosim {

namespace {

constexpr double two_pow_minus_53 = 1.0 / 9007199254740992.0;

// 53 bits from two 32-bit words, offset by half a step so the result is never 0 or 1
// (log(u) must stay finite in Box–Muller).
double to_unit_open(std::uint32_t hi, std::uint32_t lo) noexcept {
    const std::uint64_t bits =
        (static_cast<std::uint64_t>(hi >> 5) << 26) | static_cast<std::uint64_t>(lo >> 6);
    return (static_cast<double>(bits) + 0.5) * two_pow_minus_53;
}

std::uint64_t splitmix64(std::uint64_t x) noexcept {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

}  // namespace

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t run_index) noexcept
    : seed_(seed), run_index_(run_index) {
    // The run index enters the key (not only the counter) so that runs are independent
    // streams even for purposes that use every counter word.
    const std::uint64_t mixed = splitmix64(seed ^ splitmix64(run_index));
    key_ = {{static_cast<std::uint32_t>(mixed), static_cast<std::uint32_t>(mixed >> 32)}};
}

r123::Philox4x32::ctr_type RandomStream::block(DrawPurpose purpose, std::uint32_t month,
                                               std::uint32_t index,
                                               std::uint32_t sub) const noexcept {
    const r123::Philox4x32::ctr_type counter = {
        {static_cast<std::uint32_t>(purpose), sub, month, index}};
    r123::Philox4x32 philox;
    return philox(counter, key_);
}

double RandomStream::uniform(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                             std::uint32_t sub) const noexcept {
    const auto b = block(purpose, month, index, sub);
    return to_unit_open(b[0], b[1]);
}

double RandomStream::normal(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                            std::uint32_t sub) const noexcept {
    const auto b = block(purpose, month, index, sub);
    const double u1 = to_unit_open(b[0], b[1]);
    const double u2 = to_unit_open(b[2], b[3]);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

std::uint64_t derive_seed(std::uint64_t master, std::uint64_t a, std::uint64_t b,
                          std::uint64_t c) noexcept {
    std::uint64_t h = splitmix64(master);
    h = splitmix64(h ^ a);
    h = splitmix64(h ^ b);
    return splitmix64(h ^ c);
}

}  // namespace regiosim
