#include "regiosim/sweep/sweep_runner.hpp"

#include <tbb/global_control.h>

#include <algorithm>
#include <array>
#include <future>
#include <memory>
#include <optional>

#include "sweep_steps.hpp"

namespace regiosim {

int default_shard_runs(std::int64_t runs) noexcept {
    return static_cast<int>(std::clamp<std::int64_t>((runs + 49) / 50, 1000, 20000));
}

SweepSummary run_sweep(const LoadedExperiment& experiment, const SweepOptions& options) {
    using namespace sweep_steps;
    const auto start = Clock::now();
    const PreparedSweep sweep = prepare(experiment, options);
    SweepSummary summary;
    summary.runs = sweep.plan.runs();
    if (sweep.already_complete) {
        summary.already_complete = true;
        summary.merged = true;
        summary.seconds = seconds_since(start);
        return summary;
    }
    summary.shards = sweep.end_shard - sweep.first_shard;

    SweepProgress progress;
    progress.shards_total = summary.shards;
    progress.runs_total = sweep.runs_in_part;
    progress.runs_done = sweep.runs_on_disk;
    progress.shards_done = summary.shards - static_cast<int>(sweep.todo.size());

    std::optional<tbb::global_control> limit;
    if (options.threads > 0) {
        limit.emplace(tbb::global_control::max_allowed_parallelism,
                      static_cast<std::size_t>(options.threads));
    }
    // A whole sweep that starts from nothing merges as it goes: the writer appends each shard to
    // the merged file right after publishing it, so the merge overlaps the computation instead
    // of following it on one core. A resumed sweep merges at the end from the files on disk.
    std::unique_ptr<ResultsWriter> merged;
    if (!options.part && sweep.runs_on_disk == 0) {
        merged = open_merged(sweep, options);
    }
    // Two buffers: the threads compute shard k+1 while shard k is written and fsynced.
    std::array<RunTable, 2> buffers;
    std::size_t current = 0;
    std::future<double> writing;
    ShardRange writing_range;
    const auto finish_write = [&] {
        if (!writing.valid()) {
            return;
        }
        summary.write_seconds += writing.get();
        const std::int64_t runs = writing_range.last - writing_range.first;
        progress.runs_done += runs;
        progress.runs_this_session += runs;
        ++progress.shards_done;
        ++summary.shards_computed;
        progress.elapsed_seconds = seconds_since(start);
        if (options.progress) {
            options.progress(progress);
        }
    };
    for (const int s : sweep.todo) {
        compute_shard(sweep, experiment, s, buffers[current]);
        finish_write();
        const RunTable& table = buffers[current];
        writing_range = shard_range(sweep, s);
        writing = std::async(std::launch::async, [&sweep, &table, &merged, s] {
            const auto write_start = Clock::now();
            publish_shard(sweep, s, table);
            if (merged) {
                merged->append(table);
            }
            return seconds_since(write_start);
        });
        current ^= 1U;
    }
    finish_write();
    summary.runs_computed = progress.runs_this_session;

    finish(sweep, experiment, options, start, summary, std::move(merged));
    return summary;
}

}  // namespace regiosim
