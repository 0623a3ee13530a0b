#pragma once

// Reading a results file or shard back whole before anything relies on it. A shard or a merged
// file counts as done only when every dataset reads — every chunk inflates — and it holds the
// runs the manifest says; attributes and row counts alone let damaged data through.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace regiosim::sweep_steps {

/// What a results file must hold to count as done.
struct ExpectedContents {
    std::string fingerprint;                ///< root attribute sweep_fingerprint
    std::int64_t first_run = 0;             ///< root attributes first_run, last_run and the
    std::int64_t last_run = 0;              ///< number of rows of /runs
    std::vector<std::string> factor_names;  ///< /runs/factors/<name>
    std::int64_t design_points = -1;        ///< rows of /design; -1: no /design (a shard)
};

/// What is wrong with `file`, read back whole in blocks (memory stays bounded), or "" when
/// nothing is: it opens as a results file, its identity attributes match, every column of
/// /runs, /years, /spending, /events (and /design) reads, the columns of a group agree in
/// length and /runs holds last_run − first_run rows.
[[nodiscard]] std::string problem_with(const std::filesystem::path& file,
                                       const ExpectedContents& expected);

}  // namespace regiosim::sweep_steps
