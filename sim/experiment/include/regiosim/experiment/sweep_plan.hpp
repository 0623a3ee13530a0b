#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "regiosim/scenario/experiment_spec.hpp"

namespace regiosim {

/// Where a run sits in a sweep. Runs are numbered point-major:
/// run_id = (point · arms + arm) · replications + replicate.
struct RunCoordinates {
    std::int64_t point = 0;
    int arm = 0;
    int replicate = 0;
};

/// The design of a sweep expanded into points, with everything needed to run any single run
/// alone: its scenario values and its seed.
struct SweepPlan {
    ExperimentSpec spec;
    Eigen::MatrixXd unit_points;    ///< points × factors, in [0, 1]
    Eigen::MatrixXd factor_values;  ///< points × factors, in each factor's own units
    /// Design structure per point, so sensitivity estimators can pair runs:
    /// sobol: block 0 = A, 1 = B, 2 = AB_i (factor i), group = base row;
    /// morris: group = trajectory, factor = the factor moved to reach this point (−1 at a
    /// trajectory's start), step = its signed move in unit scale;
    /// one_at_a_time: factor = the factor swept (−1 for the base point);
    /// other designs: block 0, group −1, factor −1, step 0.
    std::vector<std::int8_t> point_block;
    std::vector<std::int32_t> point_group;
    std::vector<std::int32_t> point_factor;
    std::vector<double> point_step;

    [[nodiscard]] std::int64_t points() const noexcept { return unit_points.rows(); }
    [[nodiscard]] int arms() const noexcept { return static_cast<int>(spec.arms.size()); }
    [[nodiscard]] int factors() const noexcept { return static_cast<int>(spec.factors.size()); }
    [[nodiscard]] std::int64_t runs() const noexcept {
        return points() * arms() * spec.replications;
    }
    [[nodiscard]] RunCoordinates coordinates(std::int64_t run_id) const noexcept;
    [[nodiscard]] std::int64_t run_id(const RunCoordinates& c) const noexcept;
    /// The seed given to Simulation::reset for this point and arm; the run index is the
    /// replicate. Which points and arms share a seed follows spec.random_numbers.
    [[nodiscard]] std::uint64_t run_seed(std::int64_t point, int arm) const noexcept;
    /// The scenario overrides of one design point.
    [[nodiscard]] std::vector<ScenarioOverride> overrides(std::int64_t point) const;
};

/// The size of a sweep, computed from the spec alone, without expanding the design (for
/// `sweep --dry-run`, and to refuse a design too large to hold before allocating it).
struct SweepSize {
    std::int64_t points = 0;  ///< −1: more than ExperimentLimits::max_runs
    int arms = 0;
    int factors = 0;
    std::int64_t runs = 0;  ///< points × arms × replications; −1 when that overflows
    /// Peak memory make_sweep_plan needs: the unit and value matrices, the generator's own copy
    /// and the per-point structure columns.
    std::uint64_t design_bytes = 0;
};

/// The most memory a design may take (SweepSize::design_bytes): a sweep holds its whole design.
inline constexpr std::uint64_t max_design_bytes = std::uint64_t{4} << 30;

[[nodiscard]] SweepSize sweep_size(const ExperimentSpec& spec) noexcept;

/// Expands the experiment's design. Deterministic given the spec.
/// @throws design::DesignError (exit 65) when the design needs more than max_design_bytes,
/// before allocating any of it.
[[nodiscard]] SweepPlan make_sweep_plan(const ExperimentSpec& spec);

}  // namespace regiosim
