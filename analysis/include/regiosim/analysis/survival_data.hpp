#pragma once

#include <cstddef>
#include <vector>

/// @file
/// The input of every survival estimator: one row per subject (a collaboration, a run, ...).

namespace regiosim::analysis {

/// Right-censored survival data, stored column-wise.
///
/// - `time`: follow-up time in months, finite and >= 0 (an event at time 0 is allowed).
/// - `event`: 1 if the event (e.g. the collaboration ended) was observed at `time`, 0 if the
///   subject was censored there.
/// - `group`: optional; empty, or one integer code per subject (arm, scenario, intervention).
///   Estimators that compare groups order them by ascending code.
/// - `cause`: optional; empty, or one code per subject for competing risks: 0 = censored,
///   1, 2, ... = the cause of the event. When present, `event[i]` must equal `cause[i] != 0`.
///
/// The struct is a plain value; call validate() (the estimators do) to check the invariants.
struct SurvivalData {
    std::vector<double> time;
    std::vector<int> event;
    std::vector<int> group;
    std::vector<int> cause;

    [[nodiscard]] std::size_t size() const noexcept { return time.size(); }
    [[nodiscard]] bool has_groups() const noexcept { return !group.empty(); }
    [[nodiscard]] bool has_causes() const noexcept { return !cause.empty(); }
};

/// Builds competing-risks data from times and cause codes (0 = censored); `event` is derived.
[[nodiscard]] SurvivalData from_causes(std::vector<double> time, std::vector<int> cause);

/// Checks the invariants documented on SurvivalData.
/// @throws InvalidDataError naming the first offending index, or if `data` is empty.
void validate(const SurvivalData& data);

/// The distinct group codes in ascending order.
/// @throws InvalidDataError if `data` has no group column.
[[nodiscard]] std::vector<int> group_codes(const SurvivalData& data);

/// The subjects whose group code is `group` (all columns kept, order preserved); may be empty.
/// @throws InvalidDataError if `data` has no group column.
[[nodiscard]] SurvivalData select_group(const SurvivalData& data, int group);

}  // namespace regiosim::analysis
