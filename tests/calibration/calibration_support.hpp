#pragma once

// What the calibration tests read off a set of runs: the shipped reference region, the share of
// runs alive at a given time, and the median lifetime with its confidence interval.

#include <string>

#include "regiosim/core/scenario.hpp"
#include "regiosim/experiment/arm_outcomes.hpp"
#include "stylized_support.hpp"

namespace regiosim::calibration {

/// The text of a file under the source tree (e.g. "scenarios/reference.toml").
[[nodiscard]] std::string source_file_text(const std::string& relative_path);

/// scenarios/reference.toml, loaded and resolved as the CLI does.
[[nodiscard]] Scenario reference_scenario();

/// Share of runs still collaborating after `months` (ended later or censored), with its Wilson
/// 95 % interval. Runs never end before the horizon without an event, so this is the
/// Kaplan–Meier S(months) as long as `months` is within the horizon.
[[nodiscard]] stylized::Effect share_alive_after(const ArmOutcomes& o, int months);

/// Share of runs that ended at or before `months` (1 − share alive), with its interval.
[[nodiscard]] stylized::Effect share_ended_within(const ArmOutcomes& o, int months);

/// Difference in the share alive after `months`, a − b, with its Wald 95 % interval.
[[nodiscard]] stylized::Effect alive_difference(const ArmOutcomes& a, const ArmOutcomes& b,
                                                int months);

/// Median lifetime in years (Kaplan–Meier, as `regiosim compare`), with its 95 % interval;
/// NaN where not reached.
[[nodiscard]] stylized::Effect median_years(const ArmOutcomes& o);

}  // namespace regiosim::calibration
