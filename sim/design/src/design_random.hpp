#pragma once

#include <Random123/philox.h>

#include <cstdint>
#include <vector>

namespace regiosim::design::detail {

/// Which random decision of a design a draw is for; each has its own counter space so that,
/// for example, the Latin hypercube permutation does not shift when the jitter is switched off.
enum class DesignDraw : std::uint32_t {
    lhs_permutation = 1,
    lhs_jitter = 2,
    morris_base_level = 3,
    morris_direction = 4,
    morris_order = 5,
};

/// Counter-based uniforms for the design generators (Philox4x32-10, as the core's RandomStream):
/// a draw is a pure function of (seed, purpose, a, b), so a design does not depend on the order
/// in which its parts are generated.
class DesignRandom {
  public:
    explicit DesignRandom(std::uint64_t seed) noexcept;

    /// Uniform on the open interval (0, 1) with 53 random bits.
    [[nodiscard]] double uniform(DesignDraw purpose, std::uint32_t a,
                                 std::uint32_t b) const noexcept;

    /// Uniform integer in [0, n), n > 0, by scaling a 53-bit uniform: the bias is at most
    /// n / 2^53, about 1e-13 for the thousands of points a design has.
    [[nodiscard]] int below(int n, DesignDraw purpose, std::uint32_t a,
                            std::uint32_t b) const noexcept;

    /// A uniformly random permutation of 0..n-1 (Fisher–Yates), identified by `a`.
    [[nodiscard]] std::vector<int> permutation(int n, DesignDraw purpose, std::uint32_t a) const;

  private:
    r123::Philox4x32::key_type key_;
};

}  // namespace regiosim::design::detail
