#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "regiosim/scenario/experiment_spec.hpp"

namespace regiosim {

/// Where a sweep stands, for progress displays.
struct SweepProgress {
    std::int64_t runs_done =
        0;  ///< in this invocation's share of the sweep, shards already on disk included
    std::int64_t runs_total = 0;
    std::int64_t runs_this_session = 0;  ///< computed by this invocation
    int shards_done = 0;
    int shards_total = 0;
    double elapsed_seconds = 0.0;
};

/// One of N equal parts of the shards, for job arrays and other static schedulers.
struct SweepPart {
    int index = 0;  ///< 0-based
    int count = 1;
};

struct SweepOptions {
    std::filesystem::path out;      ///< the results file; shards go to `<out>.parts/`
    int threads = 0;                ///< 0: all cores
    bool resume = false;            ///< continue an interrupted sweep in `<out>.parts/`
    bool force = false;             ///< overwrite an existing results file (never with resume)
    int shard_runs = 0;             ///< 0: the experiment's, else chosen from the run count
    std::optional<SweepPart> part;  ///< compute only this part; merge when all parts are done
    bool keep_parts = false;        ///< leave `<out>.parts/` after merging
    std::string command_line;       ///< recorded in the provenance
    std::function<void(const SweepProgress&)> progress;  ///< called after each shard; may be empty
};

struct SweepSummary {
    std::int64_t runs = 0;
    std::int64_t runs_computed = 0;  ///< by this invocation (0 when everything was on disk)
    int shards = 0;
    int shards_computed = 0;
    bool merged = false;            ///< the results file is complete
    bool already_complete = false;  ///< resume found nothing left to do
    double seconds = 0.0;
    double write_seconds = 0.0;  ///< spent writing shards and merging (overlaps computing)
};

/// Runs an experiment to an HDF5 results file (docs/results-format.md), crash-safely: runs are
/// computed in shards, each written to a temporary file, fsynced and renamed into
/// `<out>.parts/`, listed against a manifest; `resume` skips the shards already there. When
/// every shard exists they are merged, in run order, into `<out>` (again via a temporary file
/// and rename). The datasets are identical whatever the threads, shard size or interruptions.
///
/// Throws OutputError (73) when `out` or its parts exist and the options do not say to use
/// them, DataError (65) when they belong to another sweep or are not results files, IoError
/// (74) when writing fails.
SweepSummary run_sweep(const LoadedExperiment& experiment, const SweepOptions& options);

/// The shard size used when neither the options nor the experiment give one.
[[nodiscard]] int default_shard_runs(std::int64_t runs) noexcept;

}  // namespace regiosim
