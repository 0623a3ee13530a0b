#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "regiosim/analysis/arm_comparison.hpp"
#include "regiosim/results/results_reader.hpp"

/// The /runs table of a results file, read and checked against /design before anything uses it
/// (docs/results-format.md): what analyse_results computes its survival figures, fan charts and
/// sensitivity indices from.
namespace regiosim::runs_table {

// The columns of /runs the analysis needs, arm codes resolved.
struct Runs {
    std::vector<std::string> arms;
    std::vector<std::int16_t> arm;
    std::vector<std::int64_t> point;
    std::vector<std::int32_t> months;
    std::vector<std::int8_t> event;
    std::vector<std::int8_t> cause;
    std::vector<std::int32_t> self_sustaining;
    std::vector<double> cost;
};

// The size of the design the file declares. Checked against /runs before anything is read
// from it: then every run id decodes into the point, arm and replicate its row must hold, and
// the number of rows read is the one the design implies (not a damaged dataset's extent).
struct DesignShape {
    std::uint64_t points = 0;
    std::uint64_t arms = 0;
    std::uint64_t replications = 0;
    std::uint64_t runs = 0;
};

/// The design's shape, its run count checked against the rows of /runs.
[[nodiscard]] DesignShape read_design_shape(const ResultsReader& r);
/// The longest horizon any design point runs, in months: the bound of every month in the file.
[[nodiscard]] int longest_horizon_months(const ResultsReader& r, int base_months,
                                         std::uint64_t points);
/// The columns of /runs, every row's run id, codes and months checked; a bad value is a
/// DataError naming file, dataset and row.
[[nodiscard]] Runs read_runs(const ResultsReader& r, const DesignShape& shape, int horizon);
/// The runs of each arm that has any, in the arms' order.
[[nodiscard]] std::vector<analysis::ArmSample> samples_by_arm(const Runs& runs);

}  // namespace regiosim::runs_table
