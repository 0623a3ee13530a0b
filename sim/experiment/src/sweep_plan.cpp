#include "regiosim/experiment/sweep_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "regiosim/core/random.hpp"
#include "regiosim/design/design_error.hpp"
#include "regiosim/design/factor_range.hpp"
#include "regiosim/design/full_factorial.hpp"
#include "regiosim/design/latin_hypercube.hpp"
#include "regiosim/design/morris_design.hpp"
#include "regiosim/design/one_at_a_time.hpp"
#include "regiosim/design/saltelli_design.hpp"

namespace regiosim {

namespace {

// Stream tags keep the design's own random numbers apart from those of the runs.
constexpr std::uint64_t design_stream = 0x6465'7369'676eULL;  // "design"
constexpr std::uint64_t arm_stream = 0x61'726dULL;            // "arm"

design::FactorRange range_of(const FactorSpec& f) {
    return {f.min, f.max,
            f.scale == FactorScale::log ? design::FactorScale::log : design::FactorScale::linear,
            f.integer};
}

// The unit value whose mapped value is closest to `value`, for one-at-a-time base points.
double unit_of(const FactorSpec& f, double value) {
    if (f.scale == FactorScale::log) {
        return std::clamp(std::log(value / f.min) / std::log(f.max / f.min), 0.0, 1.0);
    }
    if (f.integer) {
        // Integer factors map equal bins of [0, 1] to ceil(min) … floor(max): take a bin centre.
        const double lo = std::ceil(f.min);
        const double count = std::floor(f.max) - lo + 1.0;
        return std::clamp((std::round(value) - lo + 0.5) / count, 0.0, 1.0);
    }
    return std::clamp((value - f.min) / (f.max - f.min), 0.0, 1.0);
}

void fill_default_structure(SweepPlan& plan) {
    const auto n = static_cast<std::size_t>(plan.unit_points.rows());
    plan.point_block.assign(n, 0);
    plan.point_group.assign(n, -1);
    plan.point_factor.assign(n, -1);
    plan.point_step.assign(n, 0.0);
}

}  // namespace

RunCoordinates SweepPlan::coordinates(std::int64_t run_id) const noexcept {
    const std::int64_t reps = spec.replications;
    const std::int64_t per_point = reps * arms();
    return {run_id / per_point, static_cast<int>((run_id % per_point) / reps),
            static_cast<int>(run_id % reps)};
}

std::int64_t SweepPlan::run_id(const RunCoordinates& c) const noexcept {
    return (c.point * arms() + c.arm) * spec.replications + c.replicate;
}

std::uint64_t SweepPlan::run_seed(std::int64_t point, int arm) const noexcept {
    const auto p = static_cast<std::uint64_t>(point);
    switch (spec.random_numbers) {
        case RandomNumbers::common:
            return derive_seed(spec.seed, 0);
        case RandomNumbers::common_across_arms:
            return derive_seed(spec.seed, p);
        case RandomNumbers::independent:
            break;
    }
    return derive_seed(spec.seed, p, arm_stream, static_cast<std::uint64_t>(arm));
}

std::vector<ScenarioOverride> SweepPlan::overrides(std::int64_t point) const {
    std::vector<ScenarioOverride> out;
    out.reserve(spec.factors.size());
    for (std::size_t j = 0; j < spec.factors.size(); ++j) {
        const FactorSpec& f = spec.factors[j];
        out.push_back(
            {f.key_path, factor_values(point, static_cast<Eigen::Index>(j)), f.integer, f.origin});
    }
    return out;
}

SweepSize sweep_size(const ExperimentSpec& spec) noexcept {
    SweepSize size;
    size.points = design_point_count(spec);
    size.arms = static_cast<int>(spec.arms.size());
    size.factors = static_cast<int>(spec.factors.size());
    std::int64_t runs = 0;
    const bool overflow = size.points < 0 ||
                          __builtin_mul_overflow(size.points, std::int64_t{size.arms}, &runs) ||
                          __builtin_mul_overflow(runs, std::int64_t{spec.replications}, &runs);
    size.runs = overflow ? -1 : runs;
    // Per point: a row of the unit matrix, of the value matrix and of the generator's own
    // matrix (copied into the plan), plus block, group, factor and step.
    constexpr std::uint64_t matrices = 3;
    constexpr std::uint64_t structure_bytes =
        sizeof(std::int8_t) + 2 * sizeof(std::int32_t) + sizeof(double);
    const std::uint64_t per_point =
        matrices * sizeof(double) * static_cast<std::uint64_t>(size.factors) + structure_bytes;
    size.design_bytes = size.points < 0 ? std::numeric_limits<std::uint64_t>::max()
                                        : static_cast<std::uint64_t>(size.points) * per_point;
    return size;
}

SweepPlan make_sweep_plan(const ExperimentSpec& spec) {
    const SweepSize size = sweep_size(spec);
    if (size.design_bytes > max_design_bytes) {
        constexpr double gib = 1024.0 * 1024.0 * 1024.0;
        throw design::DesignError(fmt::format(
            "the {} design of experiment `{}` has {} points × {} factors and would need about "
            "{:.1f} GiB of memory; valid: designs of at most {:.0f} GiB (points × factors × 24 "
            "bytes): fewer points, base samples, trajectories or factors, or several experiments",
            to_string(spec.design), spec.name, size.points, size.factors,
            static_cast<double>(size.design_bytes) / gib,
            static_cast<double>(max_design_bytes) / gib));
    }
    SweepPlan plan;
    plan.spec = spec;
    const int k = static_cast<int>(spec.factors.size());
    switch (spec.design) {
        case DesignKind::replications:
            plan.unit_points = Eigen::MatrixXd(1, 0);
            fill_default_structure(plan);
            break;
        case DesignKind::full_factorial: {
            std::vector<int> levels;
            for (const auto& f : spec.factors) {
                levels.push_back(f.levels);
            }
            plan.unit_points = design::full_factorial(levels);
            fill_default_structure(plan);
            break;
        }
        case DesignKind::latin_hypercube:
            plan.unit_points =
                design::latin_hypercube(spec.points, k, derive_seed(spec.seed, design_stream),
                                        spec.centred ? design::StratumPosition::centred
                                                     : design::StratumPosition::jittered);
            fill_default_structure(plan);
            break;
        case DesignKind::sobol: {
            const auto d = design::saltelli_design(spec.base_samples, k);
            plan.unit_points = d.points;
            fill_default_structure(plan);
            for (Eigen::Index r = 0; r < d.points.rows(); ++r) {
                const auto p = design::saltelli_point(static_cast<int>(r), k);
                const auto i = static_cast<std::size_t>(r);
                plan.point_block[i] = static_cast<std::int8_t>(p.block);
                plan.point_group[i] = p.base_row;
                plan.point_factor[i] = p.factor;
            }
            break;
        }
        case DesignKind::morris: {
            const auto d = design::morris_design(
                k, {spec.trajectories, spec.morris_levels, derive_seed(spec.seed, design_stream)});
            plan.unit_points = d.points;
            fill_default_structure(plan);
            for (int t = 0; t < d.trajectories; ++t) {
                const int start = d.trajectory_start(t);
                plan.point_group[static_cast<std::size_t>(start)] = t;
                for (int s = 0; s < k; ++s) {
                    const auto row = static_cast<std::size_t>(start + s + 1);
                    const auto step = static_cast<std::size_t>(t * k + s);
                    plan.point_group[row] = t;
                    plan.point_factor[row] = d.step_factor[step];
                    plan.point_step[row] = d.step_delta[step];
                }
            }
            break;
        }
        case DesignKind::one_at_a_time: {
            Eigen::VectorXd base(k);
            for (int j = 0; j < k; ++j) {
                base(j) = unit_of(spec.factors[static_cast<std::size_t>(j)],
                                  spec.factors[static_cast<std::size_t>(j)].base);
            }
            // One grid for all factors (design_point_count says the same): the largest number of
            // levels any factor asks for.
            int levels = 2;
            for (const auto& f : spec.factors) {
                levels = std::max(levels, f.levels);
            }
            const auto d = design::one_at_a_time(base, levels);
            plan.unit_points = d.points;
            fill_default_structure(plan);
            for (std::size_t r = 0; r < d.moved_factor.size(); ++r) {
                plan.point_factor[r] = d.moved_factor[r];
            }
            break;
        }
    }
    std::vector<design::FactorRange> ranges;
    for (const auto& f : spec.factors) {
        ranges.push_back(range_of(f));
    }
    plan.factor_values = k == 0 ? Eigen::MatrixXd(plan.unit_points.rows(), 0)
                                : design::map_unit_design(plan.unit_points, ranges);
    if (spec.design == DesignKind::one_at_a_time) {
        // The base point sits at the stated base values exactly, not at their unit images.
        for (int j = 0; j < k; ++j) {
            for (Eigen::Index r = 0; r < plan.factor_values.rows(); ++r) {
                if (plan.point_factor[static_cast<std::size_t>(r)] != j) {
                    plan.factor_values(r, j) = spec.factors[static_cast<std::size_t>(j)].base;
                }
            }
        }
    }
    return plan;
}

}  // namespace regiosim
