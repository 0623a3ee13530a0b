#include "regiosim/design/morris_design.hpp"

#include <limits>
#include <string>

#include "design_random.hpp"
#include "regiosim/design/design_error.hpp"

namespace regiosim::design {

using detail::DesignDraw;

namespace {

void require_valid(int factors, const MorrisOptions& options) {
    if (factors < 1 || options.trajectories < 1) {
        throw DesignError("a Morris design was asked for " + std::to_string(options.trajectories) +
                          " trajectories over " + std::to_string(factors) +
                          " factors; both must be >= 1");
    }
    if (options.levels < 2 || options.levels % 2 != 0) {
        throw DesignError("a Morris grid of " + std::to_string(options.levels) +
                          " levels was requested; the number of levels p must be even and >= 2 "
                          "so that every grid value is equally likely (4 is usual)");
    }
    const long long rows = static_cast<long long>(options.trajectories) * (factors + 1);
    if (rows > std::numeric_limits<int>::max()) {
        throw DesignError("a Morris design with " + std::to_string(options.trajectories) +
                          " trajectories over " + std::to_string(factors) +
                          " factors has more than 2^31 points");
    }
}

}  // namespace

MorrisDesign morris_design(int factors, const MorrisOptions& options) {
    require_valid(factors, options);
    const int p = options.levels;
    const int jump = p / 2;  // Δ in grid steps
    const auto grid_value = [p](int level) {
        return static_cast<double>(level) / static_cast<double>(p - 1);
    };

    MorrisDesign design;
    design.trajectories = options.trajectories;
    design.factors = factors;
    design.levels = p;
    design.delta = static_cast<double>(p) / (2.0 * static_cast<double>(p - 1));
    design.points.resize(options.trajectories * (factors + 1), factors);
    design.step_factor.reserve(static_cast<std::size_t>(options.trajectories * factors));
    design.step_delta.reserve(static_cast<std::size_t>(options.trajectories * factors));

    const detail::DesignRandom random(options.seed);
    std::vector<int> level(static_cast<std::size_t>(factors));
    std::vector<int> direction(static_cast<std::size_t>(factors));
    for (int t = 0; t < options.trajectories; ++t) {
        const auto trajectory = static_cast<std::uint32_t>(t);
        for (int i = 0; i < factors; ++i) {
            const auto factor = static_cast<std::uint32_t>(i);
            const auto si = static_cast<std::size_t>(i);
            const int base = random.below(jump, DesignDraw::morris_base_level, trajectory, factor);
            const bool up = random.uniform(DesignDraw::morris_direction, trajectory, factor) < 0.5;
            direction[si] = up ? 1 : -1;
            level[si] = up ? base : base + jump;
        }
        const std::vector<int> order =
            random.permutation(factors, DesignDraw::morris_order, trajectory);

        // Grid values come from integer levels, so points sit exactly on the grid and a step
        // changes a value by Δ up to one rounding.
        int row = design.trajectory_start(t);
        for (int i = 0; i < factors; ++i) {
            design.points(row, i) = grid_value(level[static_cast<std::size_t>(i)]);
        }
        for (const int moved : order) {
            const auto sm = static_cast<std::size_t>(moved);
            design.points.row(row + 1) = design.points.row(row);
            level[sm] += direction[sm] * jump;
            design.points(row + 1, moved) = grid_value(level[sm]);
            design.step_factor.push_back(moved);
            design.step_delta.push_back(direction[sm] * design.delta);
            ++row;
        }
    }
    return design;
}

}  // namespace regiosim::design
