#pragma once

// The steps every sweep driver shares — the threaded one (sweep_runner.cpp) and the MPI one
// (mpi_sweep.cpp): check what is on disk, fix the cut into shards, compute and publish a shard,
// merge. Shards are the unit of work, of crash safety and of distribution.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "output_lock.hpp"
#include "regiosim/experiment/run_table.hpp"
#include "regiosim/experiment/sweep_plan.hpp"
#include "regiosim/results/results_writer.hpp"
#include "regiosim/sweep/sweep_runner.hpp"
#include "sweep_manifest.hpp"

namespace regiosim::sweep_steps {

using Clock = std::chrono::steady_clock;

[[nodiscard]] double seconds_since(Clock::time_point start);

/// Runs [first, last) of the sweep.
struct ShardRange {
    std::int64_t first = 0;
    std::int64_t last = 0;
};

/// A sweep ready to compute: its plan, its shard cut and the shards still to do.
struct PreparedSweep {
    SweepPlan plan;
    std::string fingerprint;
    std::filesystem::path folder;  ///< <out>.parts
    SweepManifest manifest;
    bool already_complete = false;  ///< --resume found the finished file: nothing to do
    int first_shard = 0;            ///< this invocation's part of the shards
    int end_shard = 0;
    std::vector<int> todo;  ///< shards of the part not yet on disk
    std::int64_t runs_in_part = 0;
    std::int64_t runs_on_disk = 0;
    OutputLock lock;  ///< held while this invocation may write <out> (not by --shard parts)
};

/// Where rank 0 of an MPI job writes the shards in flight (one line, as in its message) when the
/// launcher ends the job.
[[nodiscard]] std::filesystem::path ended_job_report(const std::filesystem::path& folder);

/// Checks the output against the options, creates or validates the manifest, removes stale
/// temporary files and lists the shards to compute. Throws as run_sweep documents.
[[nodiscard]] PreparedSweep prepare(const LoadedExperiment& experiment,
                                    const SweepOptions& options);

/// Only the plan and fingerprint, for MPI workers: rank 0 does the checks.
[[nodiscard]] PreparedSweep plan_only(const LoadedExperiment& experiment,
                                      const SweepOptions& options, const SweepManifest& manifest);

[[nodiscard]] ShardRange shard_range(const PreparedSweep& sweep, int shard);

/// Computes one shard into `buffer` (threads of the caller's oneTBB arena).
void compute_shard(const PreparedSweep& sweep, const LoadedExperiment& experiment, int shard,
                   RunTable& buffer);

/// Writes a computed shard to a temporary file, fsyncs it and renames it into the folder.
void publish_shard(const PreparedSweep& sweep, int shard, const RunTable& table);

/// Merges every shard, in order, into options.out (temporary file, fsync, rename) and removes
/// the folder unless options.keep_parts.
void merge(const PreparedSweep& sweep, const LoadedExperiment& experiment,
           const SweepOptions& options);

/// The merged file while it is being written, for a driver that appends the shards in order as
/// they are computed (the same appends as merge, so the same file) instead of merging at the end.
[[nodiscard]] std::unique_ptr<ResultsWriter> open_merged(const PreparedSweep& sweep,
                                                         const SweepOptions& options);

/// The end of every driver: merges unless this is one part of a job array (other parts may be
/// finishing at the same moment; the run without --shard merges), and fills in the timings.
/// With `merged_so_far` (every shard appended, in order) only completes and publishes that file.
void finish(const PreparedSweep& sweep, const LoadedExperiment& experiment,
            const SweepOptions& options, Clock::time_point start, SweepSummary& summary,
            std::unique_ptr<ResultsWriter> merged_so_far = nullptr);

}  // namespace regiosim::sweep_steps
