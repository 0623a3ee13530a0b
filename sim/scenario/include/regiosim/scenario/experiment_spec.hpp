#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "regiosim/core/engine.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/scenario/scenario_template.hpp"

namespace regiosim {

/// How the design points of a sweep are chosen (docs/experiment-format.md).
enum class DesignKind : std::int8_t {
    replications = 0,    ///< one point: the scenario as it is
    full_factorial = 1,  ///< every combination of each factor's levels
    latin_hypercube = 2,
    sobol = 3,          ///< Saltelli's A, B, AB_i blocks for first- and total-order indices
    morris = 4,         ///< elementary-effect trajectories
    one_at_a_time = 5,  ///< each factor over its levels, the others at their base value
};

inline constexpr std::array<std::string_view, 6> design_kind_names = {
    "replications", "full_factorial", "latin_hypercube", "sobol", "morris", "one_at_a_time"};

[[nodiscard]] constexpr std::string_view to_string(DesignKind d) noexcept {
    return design_kind_names[static_cast<std::size_t>(d)];
}

enum class FactorScale : std::int8_t { linear = 0, log = 1 };

/// One scenario value a sweep varies.
struct FactorSpec {
    std::string name;      ///< column name in the results (default: the key path)
    std::string key_path;  ///< e.g. model.trust.build_rate (see ScenarioOverride)
    double min = 0.0;
    double max = 1.0;
    FactorScale scale = FactorScale::linear;
    bool integer = false;  ///< rounded to the nearest integer after scaling
    int levels = 3;        ///< full factorial and one-at-a-time
    double base = 0.0;     ///< one-at-a-time: where the other factors sit
    SourceLocation origin;
};

/// Which runs share their random numbers (key-figure departures, shocks, initial draws …).
/// Replicate r of runs that share them sees the same random events, so differences between
/// those runs come from the arm or the factor values alone (common random numbers): arm
/// comparisons and sensitivity indices are then far less noisy, and a factor that does not
/// act leaves every run bit-identical.
enum class RandomNumbers : std::int8_t {
    common = 0,              ///< every design point and arm (the default)
    common_across_arms = 1,  ///< the arms of a point; each point its own
    independent = 2,         ///< each (point, arm) its own
};

inline constexpr std::array<std::string_view, 3> random_numbers_names = {
    "common", "common_across_arms", "independent"};

/// A sweep as its experiment file describes it, every default filled in.
struct ExperimentSpec {
    std::string name;
    std::string description;
    std::filesystem::path file;           ///< the experiment file
    std::filesystem::path scenario_file;  ///< resolved against the experiment file's folder
    std::vector<std::string> arms;        ///< in results order; every arm when the file names none
    DesignKind design = DesignKind::replications;
    int replications = 1;  ///< per design point and arm
    std::uint64_t seed = 1;
    RandomNumbers random_numbers = RandomNumbers::common;
    /// Which implementation of the model computes the runs (`engine = "reference"` in the file,
    /// or `regiosim sweep --engine`); recorded in the results file.
    EngineKind engine = EngineKind::fast;
    int points = 0;         ///< latin_hypercube: number of points
    bool centred = false;   ///< latin_hypercube: stratum centres instead of jittered values
    int base_samples = 0;   ///< sobol: N (rows of A and B); points = N·(k+2)
    int trajectories = 0;   ///< morris: r
    int morris_levels = 4;  ///< morris: p (even)
    std::vector<FactorSpec> factors;
    bool yearly = true;            ///< store yearly trajectories of every run
    int event_log_replicates = 0;  ///< store the event log of replicates 0 … n−1 of each point/arm
    int shard_runs = 0;            ///< runs per shard file; 0: chosen from the run count
    std::string text;              ///< the experiment file as read, for provenance
};

/// Hard limits on experiment files, so that a typo cannot ask for 10^15 runs.
struct ExperimentLimits {
    static constexpr int max_factors = 64;
    static constexpr int max_levels = 1000;
    static constexpr std::int64_t max_runs = 2'000'000'000;
    static constexpr int max_replications = 10'000'000;
};

/// An experiment file with its base scenario ready to resolve at each design point.
struct LoadedExperiment {
    ExperimentSpec spec;
    ScenarioTemplate scenario;
};

/// Reads an experiment file and its scenario, checks every key, every factor's key path and
/// range (by resolving the scenario with each factor at its min and its max), and the arms.
/// Throws DataError with all problems (file:line:column: key: problem; valid), or
/// MissingInputError when a file cannot be read.
[[nodiscard]] LoadedExperiment load_experiment(const std::filesystem::path& file);

/// The number of design points the spec asks for (before replication and arms).
[[nodiscard]] std::int64_t design_point_count(const ExperimentSpec& spec) noexcept;

}  // namespace regiosim
