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

    /// count uniforms on (0, 1) in single precision into out, four from each Philox block: out[4k +
    /// w] is word w of block(purpose, month, k, sub) as (m + ½)/2^23, m its top 23 bits
    /// (unit_open_single); computed together (vectorised). For draws compared with a
    /// single-precision probability (meeting attendance, initial kartrekkers).
    void single_uniforms(DrawPurpose purpose, std::uint32_t month, std::uint32_t sub,
                         std::size_t count, float* out) const noexcept;

    /// True with probability p.
    [[nodiscard]] bool bernoulli(double p, DrawPurpose purpose, std::uint32_t month,
                                 std::uint32_t index, std::uint32_t sub = 0) const noexcept {
        return uniform(purpose, month, index, sub) < p;
    }

    /// Exponential with rate 1, −ln u of one uniform, with the portable logarithm of
    /// portable_math.hpp: the threshold of a hazard clock (docs/ODD.md §4.9).
    [[nodiscard]] double exponential(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                                     std::uint32_t sub = 0) const noexcept;

    /// count exponentials with rate 1 in single precision into out, four from each Philox block:
    /// out[4k + w] is −ln u of word w of block(purpose, month, k, sub), u the word's uniform in
    /// single precision (unit_open_single), with the single-precision log of portable_math.hpp;
    /// computed together (vectorised). The first thresholds of the partners' hazard clocks, which
    /// are single precision; the tail stops at ln 2^24 ≈ 16.6 (probability 6·10⁻⁸).
    void single_exponentials(DrawPurpose purpose, std::uint32_t month, std::uint32_t sub,
                             std::size_t count, float* out) const noexcept;

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

    /// count normals in single precision into out, four from each Philox block: out[4k … 4k + 3]
    /// are the Box–Muller pairs of words (0, 1) and (2, 3) of block(purpose, month, index, k), each
    /// word's top 23 bits the uniform (m + ½)/2^23, transformed with the single-precision log,
    /// sine and cosine of portable_math.hpp (eight lanes to a register, half the generator's
    /// rounds of normal_pair). For draws that end up in single precision anyway (the initial trust
    /// matrix, the partners' commitment); the tails stop at √(2 ln 2^24) ≈ 5.77 standard
    /// deviations.
    void single_normals(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                        std::size_t count, float* out) const noexcept;

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
    static constexpr std::size_t normal_chunk_size = 64;  // blocks

    /// The uniforms of single_uniforms(purpose, month, sub, …) from the blocks first … first +
    /// blocks − 1, into out[0 … 4·blocks − 1].
    void single_uniform_chunk(DrawPurpose purpose, std::uint32_t month, std::uint32_t sub,
                              std::uint32_t first, std::size_t blocks, float* out) const noexcept;

    /// single_normals(purpose, month, index, …) of the blocks first … first + blocks − 1, with
    /// blocks ≤ normal_chunk_size, into out[0 … 4·blocks − 1].
    void single_normal_chunk(DrawPurpose purpose, std::uint32_t month, std::uint32_t index,
                             std::uint32_t first, std::size_t blocks, float* out) const noexcept;

    /// The top 23 bits of a word, offset by half a step: (m + ½)/2^23 in (0, 1), exact in a
    /// float (m + ½ needs 24 significant bits).
    [[nodiscard]] static float unit_open_single(std::uint32_t word) noexcept {
        return (static_cast<float>(static_cast<std::int32_t>(word >> 9)) + 0.5F) *
               (1.0F / 8388608.0F);
    }

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
