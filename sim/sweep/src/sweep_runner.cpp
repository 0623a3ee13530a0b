#include "regiosim/sweep/sweep_runner.hpp"

#include <fmt/format.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <system_error>

#include "durable_file.hpp"
#include "regiosim/core/errors.hpp"
#include "regiosim/experiment/run_block.hpp"
#include "regiosim/results/results_reader.hpp"
#include "regiosim/results/results_writer.hpp"
#include "regiosim/version.hpp"
#include "sweep_manifest.hpp"

namespace regiosim {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct ShardRange {
    std::int64_t first = 0;
    std::int64_t last = 0;
};

ShardRange shard_range(std::int64_t runs, int shard_runs, int shard) {
    const std::int64_t first = static_cast<std::int64_t>(shard) * shard_runs;
    return {first, std::min(runs, first + shard_runs)};
}

std::vector<std::string> factor_names(const SweepPlan& plan) {
    std::vector<std::string> names;
    for (const auto& f : plan.spec.factors) {
        names.push_back(f.name);
    }
    return names;
}

// A shard on disk counts only when it is a readable results file of this sweep holding exactly
// its runs; anything else is set aside (never deleted) and computed again.
bool shard_is_complete(const fs::path& path, const std::string& fingerprint, ShardRange range) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return false;
    }
    try {
        const ResultsReader reader(path);
        return reader.string_attribute("sweep_fingerprint") == fingerprint &&
               reader.int_attribute("first_run") == range.first &&
               reader.int_attribute("last_run") == range.last &&
               reader.rows("runs/run_id") == static_cast<std::uint64_t>(range.last - range.first);
    } catch (const Error&) {
    }
    fs::rename(path, fs::path(path.string() + ".corrupt"), ec);
    return false;
}

void write_shard(const fs::path& folder, int shard, ShardRange range, const SweepPlan& plan,
                 const std::string& fingerprint, const RunTable& table) {
    const fs::path final_path = shard_path(folder, shard);
    const fs::path tmp = final_path.string() + ".tmp";
    {
        ResultsWriter writer(tmp, plan, false);
        writer.append(table);
        writer.write_shard_identity(range.first, range.last, fingerprint);
        writer.close();
    }
    durable::publish(tmp, final_path);
}

Provenance provenance_of(const LoadedExperiment& experiment, const SweepOptions& options) {
    Provenance p;
    p.software_version = build_info::version;
    p.git_commit = build_info::git_commit;
    p.git_dirty = build_info::git_dirty;
    p.created = iso8601_now();
    p.command_line = options.command_line;
    p.master_seed = experiment.spec.seed;
    p.experiment_name = experiment.spec.name;
    p.scenario_text = experiment.scenario.base().resolved_text;
    p.experiment_text = experiment.spec.text;
    return p;
}

void merge_shards(const fs::path& folder, int shards, const SweepPlan& plan,
                  const LoadedExperiment& experiment, const SweepOptions& options,
                  const std::string& fingerprint) {
    const fs::path tmp = options.out.string() + ".tmp";
    {
        ResultsWriter writer(tmp, plan, true);
        const auto names = factor_names(plan);
        for (int s = 0; s < shards; ++s) {
            const ResultsReader reader(shard_path(folder, s));
            writer.append(reader.read_table(names));
        }
        writer.write_provenance(provenance_of(experiment, options));
        writer.write_shard_identity(0, plan.runs(), fingerprint);
        writer.close();
    }
    durable::publish(tmp, options.out);
}

void remove_stale_temporaries(const fs::path& folder) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".tmp") {
            fs::remove(entry.path(), ec);
        }
    }
}

// Checks what is on disk against the options before anything is written.
// Returns true when the results file is already complete for this sweep.
bool check_existing_output(const SweepOptions& options, const fs::path& folder,
                           const std::string& fingerprint) {
    std::error_code ec;
    const bool out_exists = fs::exists(options.out, ec);
    const bool parts_exist = fs::exists(folder, ec);
    if (!options.resume) {
        if (parts_exist) {
            throw OutputError(fmt::format(
                "{}: an interrupted sweep left its shards here; run again with --resume to finish "
                "it, or delete the folder to start over",
                folder.string()));
        }
        if (out_exists && !options.force) {
            throw OutputError(
                fmt::format("{}: exists; choose another --out, or pass --force to overwrite it",
                            options.out.string()));
        }
        return false;
    }
    if (out_exists) {
        // Never overwrite a file we cannot recognise: opening it throws DataError otherwise.
        const ResultsReader existing(options.out);
        if (existing.has("design") &&
            existing.string_attribute("sweep_fingerprint") == fingerprint) {
            return true;
        }
        throw OutputError(
            fmt::format("{}: holds the results of another sweep (different experiment, scenario or "
                        "version); it is left untouched: choose another --out",
                        options.out.string()));
    }
    return false;
}

}  // namespace

int default_shard_runs(std::int64_t runs) noexcept {
    return static_cast<int>(std::clamp<std::int64_t>((runs + 49) / 50, 1000, 20000));
}

SweepSummary run_sweep(const LoadedExperiment& experiment, const SweepOptions& options) {
    const auto start = Clock::now();
    const SweepPlan plan = make_sweep_plan(experiment.spec);
    const std::string fingerprint = sweep_fingerprint(experiment, plan);
    const fs::path folder = options.out.string() + ".parts";

    SweepSummary summary;
    summary.runs = plan.runs();
    if (options.resume && options.force) {
        throw UsageError(
            "--resume and --force contradict each other: --resume keeps what was "
            "computed, --force throws a finished file away");
    }
    if (check_existing_output(options, folder, fingerprint)) {
        std::error_code ec;
        fs::remove_all(folder, ec);
        summary.already_complete = true;
        summary.merged = true;
        summary.seconds = seconds_since(start);
        return summary;
    }

    int shard_runs = options.shard_runs > 0 ? options.shard_runs : experiment.spec.shard_runs;
    SweepManifest manifest;
    if (const auto existing = options.resume ? read_manifest(folder) : std::nullopt) {
        if (existing->fingerprint != fingerprint || existing->runs != plan.runs()) {
            throw OutputError(fmt::format(
                "{}: these shards belong to another sweep (the experiment, its scenario or "
                "regiosim changed since); they are left untouched: delete the folder or choose "
                "another --out",
                folder.string()));
        }
        manifest = *existing;
        shard_runs = manifest.shard_runs;  // the cut is fixed by the first invocation
    } else {
        if (shard_runs <= 0) {
            shard_runs = default_shard_runs(plan.runs());
        }
        manifest.fingerprint = fingerprint;
        manifest.runs = plan.runs();
        manifest.shard_runs = shard_runs;
        manifest.shards = static_cast<int>((plan.runs() + shard_runs - 1) / shard_runs);
        manifest.experiment_file = experiment.spec.file.string();
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec) {
            throw OutputError(folder.string() + ": cannot create: " + ec.message());
        }
        write_manifest(folder, manifest);
    }
    remove_stale_temporaries(folder);

    const int shards = manifest.shards;
    int first_shard = 0;
    int end_shard = shards;
    if (options.part) {
        const auto& p = *options.part;
        first_shard = static_cast<int>(static_cast<std::int64_t>(shards) * p.index / p.count);
        end_shard = static_cast<int>(static_cast<std::int64_t>(shards) * (p.index + 1) / p.count);
    }
    summary.shards = end_shard - first_shard;

    SweepProgress progress;
    progress.shards_total = summary.shards;
    std::vector<int> todo;
    for (int s = first_shard; s < end_shard; ++s) {
        const ShardRange range = shard_range(plan.runs(), shard_runs, s);
        progress.runs_total += range.last - range.first;
        if (shard_is_complete(shard_path(folder, s), fingerprint, range)) {
            progress.runs_done += range.last - range.first;
            ++progress.shards_done;
        } else {
            todo.push_back(s);
        }
    }

    std::optional<tbb::global_control> limit;
    if (options.threads > 0) {
        limit.emplace(tbb::global_control::max_allowed_parallelism,
                      static_cast<std::size_t>(options.threads));
    }
    std::array<RunTable, 2> buffers;
    std::size_t current = 0;
    std::future<double> writing;
    ShardRange writing_range;
    const auto finish_write = [&] {
        if (writing.valid()) {
            summary.write_seconds += writing.get();
            progress.runs_done += writing_range.last - writing_range.first;
            progress.runs_this_session += writing_range.last - writing_range.first;
            ++progress.shards_done;
            ++summary.shards_computed;
            progress.elapsed_seconds = seconds_since(start);
            if (options.progress) {
                options.progress(progress);
            }
        }
    };
    for (const int s : todo) {
        const ShardRange range = shard_range(plan.runs(), shard_runs, s);
        run_sweep_block(plan, experiment.scenario, range.first, range.last, buffers[current]);
        finish_write();
        const RunTable& table = buffers[current];
        writing_range = range;
        writing = std::async(std::launch::async, [&, s, range] {
            const auto write_start = Clock::now();
            write_shard(folder, s, range, plan, fingerprint, table);
            return seconds_since(write_start);
        });
        current ^= 1U;
    }
    finish_write();
    summary.runs_computed = progress.runs_this_session;

    // A part never merges: other parts may be finishing at the same moment. The run without
    // --shard (usually `--resume` once all parts are done) merges.
    if (!options.part) {
        const auto merge_start = Clock::now();
        merge_shards(folder, shards, plan, experiment, options, fingerprint);
        summary.write_seconds += seconds_since(merge_start);
        summary.merged = true;
        if (!options.keep_parts) {
            std::error_code ec;
            fs::remove_all(folder, ec);
        }
    }
    summary.seconds = seconds_since(start);
    return summary;
}

}  // namespace regiosim
