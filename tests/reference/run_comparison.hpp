#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "regiosim/core/run_result.hpp"

/// One run of two engines from the same seed and run index, compared field by field.
namespace regiosim::test {

/// How far a value of one engine may lie from the other's: |a − b| <= absolute + relative ×
/// max(|a|, |b|).
struct Tolerance {
    double relative = 0.0;
    double absolute = 0.0;

    [[nodiscard]] bool close(double a, double b) const noexcept;
};

/// The fast engine keeps partner state and trust in single precision, the reference engine in
/// double. A float operation rounds by at most u = 2^-24 ≈ 6.0e-8 relative. The figures a run
/// records are fed by a handful of float operations per month (the trust update, the mean
/// over partners, the commitment step: ≤ 5 roundings on the way to a recorded value) and every
/// update of the model is a contraction towards a target (T += r(1 − T), smoothed returns,
/// commitment pulled to a level), so an error made in one month shrinks rather than grows in
/// the next: the worst case is the linear sum over the 180-month horizon, 180 × 5 × 6.0e-8 =
/// 5.4e-5, and the typical one (independent roundings) √900 × 6.0e-8 ≈ 1.8e-6. Relative 1e-4
/// covers the worst case with a factor two; accumulated sums (costs, cumulative results) are
/// sums of such terms and keep the same relative bound. The absolute floor is for values that
/// should be zero or that are differences near zero (a before/after pair, conflict at the
/// start): 180 × 5 × u on the unit scale of trust and commitment ≈ 5.4e-5, rounded to 1e-4.
/// Measured (200 runs of every arm of every shipped scenario, 8 793 with the same events; the
/// test scenarios of tests/reference/data add 2 400 runs, all agreeing within 1e-4): every
/// value of 8 747 runs lies within 1e-6, of 8 791 within 1e-4; the other 2 differ by 2–3e-4 in
/// one before-value each, the mark of a flip without an event (see RunComparison).
inline constexpr Tolerance float_against_double{1e-4, 1e-4};

/// What two engines did differently in one run.
struct RunComparison {
    /// Same events (month, kind, partner, intervention), in the same order.
    bool events_agree = true;
    /// When the events differ: the first differing event of each engine.
    std::string first_event_difference;
    /// When the events agree: each outcome that differs (months survived, ended, cause, month
    /// self-sustaining, the number of yearly records, active partners, phase). They follow
    /// from the events (ended, became_self_sustaining, joins and departures, phase_changed), so
    /// any entry here is an error of bookkeeping in one engine.
    std::vector<std::string> outcome_mismatches;
    /// When the events agree: each value outside the tolerance, and months to first success
    /// if it differs. Rounding alone stays inside the tolerance; a value outside means the runs
    /// parted without an event of their own (a threshold with no event, such as a contribution
    /// choice or the first success, fell the other way) or a rule differs.
    std::vector<std::string> value_mismatches;
};

/// Compares run `a` of engine `name_a` with run `b` of engine `name_b`.
[[nodiscard]] RunComparison compare_runs(const RunResult& a, const RunResult& b,
                                         const Tolerance& tolerance, std::string_view name_a,
                                         std::string_view name_b);

/// `month 37 key_figure_left partner 3 intervention -1 (before 0.61, after 0.42)`.
[[nodiscard]] std::string describe(const Event& event);

}  // namespace regiosim::test
