#pragma once

#include <Random123/philox.h>

#include <cstddef>
#include <cstdint>
#include <utility>

namespace regiosim {

/// What a random draw is for. Each purpose has its own counter space, so a draw for one purpose
/// never shifts the draws of another: two arms of a comparison that differ only in their
/// interventions see the same key-figure departures and the same business cycle (common random
/// numbers), which makes their difference far less noisy.
enum class DrawPurpose : std::uint32_t {
    initial_state = 1,
    key_figure_departure = 2,
    key_figure_newcomer = 3,
    partner_exit = 4,
    business_cycle = 5,
    small_success = 6,
    meeting_attendance = 7,
    settlement = 8,
    coordinator_departure = 9,
    renewal = 10,
    partner_heterogeneity = 11,
    regional_climate = 12,
};

/// Counter-based random numbers (Philox4x32-10, Random123). A draw is a pure function of
/// (seed, run index, purpose, month, index, sub): there is no hidden state, so results do not
/// depend on the order in which threads, shards or submodels ask for numbers.
///
/// The distributions are written here rather than taken from <random>, whose algorithms differ
/// between standard libraries.
class RandomStream {
  public:
    RandomStream(std::uint64_t seed, std::uint64_t run_index) noexcept;

    /// Uniform on the open interval (0, 1) with 53 random bits.
    [[nodiscard]] double uniform(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                                 std::uint32_t sub = 0) const noexcept {
        const auto b = block(purpose, month, index, sub);
        return unit_open(b[0], b[1]);
    }

    /// uniform(purpose, month, i, sub) for i = 0 … count − 1, into out: the same numbers, computed
    /// together so that the generator's rounds vectorise across partners.
    void uniforms(DrawPurpose purpose, std::uint32_t month, std::uint32_t sub, std::size_t count,
                  double* out) const noexcept;

    /// True with probability p.
    [[nodiscard]] bool bernoulli(double p, DrawPurpose purpose, std::uint32_t month,
                                 std::uint32_t index, std::uint32_t sub = 0) const noexcept {
        return uniform(purpose, month, index, sub) < p;
    }

    /// Exponential with rate 1, −ln u of one uniform, with the portable logarithm of
    /// portable_math.hpp: the threshold of a hazard clock (docs/ODD.md §4.9).
    [[nodiscard]] double exponential(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                                     std::uint32_t sub = 0) const noexcept;

    /// exponential(purpose, month, i, sub) for i = 0 … count − 1, into out: the same numbers,
    /// computed together (vectorised).
    void exponentials(DrawPurpose purpose, std::uint32_t month, std::uint32_t sub,
                      std::size_t count, double* out) const noexcept;

    /// Two independent standard normals by the Box–Muller transform of one Philox block,
    /// √(−2 ln u₁) · (cos 2πu₂, sin 2πu₂), with the portable log, sine and cosine of
    /// portable_math.hpp, so that the values are the same on every CPU.
    [[nodiscard]] std::pair<double, double> normal_pair(DrawPurpose purpose, std::uint32_t month,
                                                        std::uint32_t index,
                                                        std::uint32_t sub = 0) const noexcept;

    /// The first of normal_pair(purpose, month, index, sub).
    [[nodiscard]] double normal(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                                std::uint32_t sub = 0) const noexcept {
        return normal_pair(purpose, month, index, sub).first;
    }

    /// count normals into out: out[2k] and out[2k + 1] are normal_pair(purpose, month, index, k)
    /// (the last pair's second is dropped when count is odd); the generator's rounds and the
    /// transforms are computed together (vectorised).
    void normals(DrawPurpose purpose, std::uint32_t month, std::uint32_t index, std::size_t count,
                 double* out) const noexcept;

    /// Raw 4×32-bit block, for tests of the generator itself. Defined here so that every draw
    /// inlines into the submodel's loop: a draw is a few dozen integer instructions, and the
    /// call was a tenth of a run's time.
    [[nodiscard]] r123::Philox4x32::ctr_type block(DrawPurpose purpose, std::uint32_t month,
                                                   std::uint32_t index,
                                                   std::uint32_t sub) const noexcept {
        const r123::Philox4x32::ctr_type counter = {
            {static_cast<std::uint32_t>(purpose), sub, month, index}};
        r123::Philox4x32 philox;
        return philox(counter, key_);
    }

    [[nodiscard]] std::uint64_t seed() const noexcept { return seed_; }
    [[nodiscard]] std::uint64_t run_index() const noexcept { return run_index_; }

  private:
    static constexpr std::size_t normal_chunk_size = 64;

    /// normal_pair(purpose, month, index, first + k) for k < pairs ≤ normal_chunk_size, into
    /// out[2k] and out[2k + 1].
    void normal_chunk(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                      std::uint32_t first, std::size_t pairs, double* out) const noexcept;

    /// 53 bits from two 32-bit words (27 high, 26 low), offset by half a step so the result is
    /// never 0 or 1 (log(u) must stay finite in Box–Muller). The halves are joined in double
    /// arithmetic, which is exact below 2^53 and, unlike a 64-bit integer conversion, vectorises
    /// without AVX-512.
    [[nodiscard]] static double unit_open(std::uint32_t hi, std::uint32_t lo) noexcept {
        const auto high = static_cast<std::int32_t>(hi >> 5);
        const auto low = static_cast<std::int32_t>(lo >> 6);
        const double bits = static_cast<double>(high) * 67108864.0 + static_cast<double>(low);
        return (bits + 0.5) * (1.0 / 9007199254740992.0);
    }

    std::uint64_t seed_;
    std::uint64_t run_index_;
    r123::Philox4x32::key_type key_;
};

/// A 64-bit seed derived from a master seed and a list of coordinates (design point, arm,
/// replicate …) by SplitMix64 mixing; used by the experiment engine so any run can be re-run alone.
[[nodiscard]] std::uint64_t derive_seed(std::uint64_t master, std::uint64_t a, std::uint64_t b = 0,
                                        std::uint64_t c = 0) noexcept;

}  // namespace regiosim
