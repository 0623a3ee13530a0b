#include "design_random.hpp"

#include <numeric>
#include <utility>

#include "regiosim/core/random.hpp"

namespace regiosim::design::detail {

namespace {

constexpr double two_pow_minus_53 = 1.0 / 9007199254740992.0;

// A salt so that a design seed equal to a simulation seed still gives unrelated numbers.
constexpr std::uint64_t design_salt = 0x64657369676E;  // "design"

}  // namespace

DesignRandom::DesignRandom(std::uint64_t seed) noexcept {
    const std::uint64_t mixed = derive_seed(seed, design_salt);
    key_ = {{static_cast<std::uint32_t>(mixed), static_cast<std::uint32_t>(mixed >> 32)}};
}

double DesignRandom::uniform(DesignDraw purpose, std::uint32_t a, std::uint32_t b) const noexcept {
    const r123::Philox4x32::ctr_type counter = {{static_cast<std::uint32_t>(purpose), a, b, 0}};
    r123::Philox4x32 philox;
    const auto block = philox(counter, key_);
    const std::uint64_t bits = (static_cast<std::uint64_t>(block[0] >> 5) << 26) |
                               static_cast<std::uint64_t>(block[1] >> 6);
    // Half a step of offset keeps the result strictly inside (0, 1).
    return (static_cast<double>(bits) + 0.5) * two_pow_minus_53;
}

int DesignRandom::below(int n, DesignDraw purpose, std::uint32_t a,
                        std::uint32_t b) const noexcept {
    const int k = static_cast<int>(uniform(purpose, a, b) * static_cast<double>(n));
    return k < n ? k : n - 1;
}

std::vector<int> DesignRandom::permutation(int n, DesignDraw purpose, std::uint32_t a) const {
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    for (int i = n - 1; i > 0; --i) {
        const int j = below(i + 1, purpose, a, static_cast<std::uint32_t>(i));
        std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
    }
    return order;
}

}  // namespace regiosim::design::detail
