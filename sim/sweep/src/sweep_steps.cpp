#include "sweep_steps.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <system_error>

#include "durable_file.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/experiment/run_block.hpp"
#include "regiosim/results/output_target.hpp"
#include "regiosim/results/results_reader.hpp"
#include "regiosim/results/results_writer.hpp"
#include "regiosim/version.hpp"
#include "results_check.hpp"

namespace regiosim::sweep_steps {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> factor_names(const SweepPlan& plan) {
    std::vector<std::string> names;
    for (const auto& f : plan.spec.factors) {
        names.push_back(f.name);
    }
    return names;
}

ExpectedContents expected_shard(const PreparedSweep& sweep, ShardRange range) {
    return {sweep.fingerprint, range.first, range.last, factor_names(sweep.plan), -1};
}

ExpectedContents expected_results(const PreparedSweep& sweep) {
    return {sweep.fingerprint, 0, sweep.plan.runs(), factor_names(sweep.plan), sweep.plan.points()};
}

// Damaged files are moved aside, never deleted: they may be all there is of a long run.
fs::path set_aside(const fs::path& path) {
    const fs::path aside = path.string() + ".corrupt";
    std::error_code ec;
    fs::rename(path, aside, ec);
    return aside;
}

// The parts folder goes once the results file is complete, but what was set aside as damaged
// is never deleted: it moves beside the output, as <out>.shard-000042.h5.corrupt.
void remove_parts_folder(const fs::path& folder, const fs::path& out) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".corrupt") {
            const fs::path kept = out.string() + "." + entry.path().filename().string();
            std::error_code move_ec;
            fs::rename(entry.path(), kept, move_ec);
            if (!move_ec) {
                fmt::print(stderr, "regiosim sweep: a damaged shard is kept as {}\n",
                           kept.string());
            }
        }
    }
    fs::remove_all(folder, ec);
}

// A shard on disk counts only when it is a results file of this sweep holding exactly its
// runs, every dataset readable; anything else is set aside and computed again.
bool shard_is_complete(const fs::path& path, const PreparedSweep& sweep, ShardRange range) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return false;
    }
    if (problem_with(path, expected_shard(sweep, range)).empty()) {
        return true;
    }
    set_aside(path);
    return false;
}

fs::path merged_temporary(const SweepOptions& options) {
    return options.out.string() + ".tmp";
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

// Temporary files are what a killed invocation was writing. A part of a job array removes only
// those of its own shards: the other parts may be writing theirs right now.
void remove_stale_temporaries(const PreparedSweep& sweep, bool whole_folder) {
    std::error_code ec;
    if (!whole_folder) {
        for (int s = sweep.first_shard; s < sweep.end_shard; ++s) {
            fs::remove(shard_path(sweep.folder, s).string() + ".tmp", ec);
        }
        return;
    }
    for (const auto& entry : fs::directory_iterator(sweep.folder, ec)) {
        if (entry.path().extension() == ".tmp") {
            fs::remove(entry.path(), ec);
        }
    }
}

// An MPI job its launcher ended left the shards then in flight; say so once, on the resume.
void report_ended_job(const fs::path& folder) {
    const fs::path path = ended_job_report(folder);
    std::ifstream in(path);
    std::string shards;
    if (!in || !std::getline(in, shards)) {
        return;
    }
    fmt::print(stderr,
               "regiosim sweep: resuming a job its launcher ended (shards in flight then: {}); "
               "they are computed again\n",
               shards);
    in.close();
    std::error_code ec;
    fs::remove(path, ec);
}

// --force replaces a finished results file, nothing else: not the experiment, not a note that
// happens to have the name. Whatever the file is, it stays as it was.
void check_replaceable_by_force(const fs::path& out) {
    try {
        const ResultsReader existing(out);
    } catch (const Error& e) {
        throw OutputError(fmt::format(
            "{}: exists and is not a regiosim results file, so --force does not replace it; it "
            "is left untouched; valid: --out naming a new file or a results file of `regiosim "
            "sweep` ({})",
            out.string(), e.what()));
    }
}

// Returns true when the results file is already complete for this sweep.
bool check_existing_output(const PreparedSweep& sweep, const SweepOptions& options) {
    const fs::path& folder = sweep.folder;
    const std::string& fingerprint = sweep.fingerprint;
    std::error_code ec;
    const bool out_exists = fs::exists(options.out, ec);
    const bool parts_exist = fs::exists(folder, ec);
    // A part of a job array joins the folder the other parts are filling, like a resume.
    const bool joining = options.resume || options.part.has_value();
    if (!joining) {
        if (parts_exist) {
            throw OutputError(fmt::format(
                "{}: an interrupted sweep left its shards here; run again with --resume to "
                "finish it, or delete the folder to start over",
                folder.string()));
        }
        if (out_exists && !options.force) {
            throw OutputError(
                fmt::format("{}: exists; choose another --out, or pass --force to overwrite it",
                            options.out.string()));
        }
        if (out_exists) {
            check_replaceable_by_force(options.out);
        }
        return false;
    }
    if (out_exists) {
        // Never overwrite a file we cannot recognise: opening it throws DataError otherwise.
        const ResultsReader existing(options.out);
        if (existing.has("design") &&
            existing.string_attribute("sweep_fingerprint") == fingerprint) {
            // Ours; complete only when every dataset reads back and holds every run.
            const std::string problem = problem_with(options.out, expected_results(sweep));
            if (problem.empty()) {
                return true;
            }
            const fs::path aside = set_aside(options.out);
            fmt::print(stderr,
                       "regiosim sweep: {} is damaged ({}); set aside as {} and computed again\n",
                       options.out.string(), problem, aside.string());
            return false;
        }
        throw OutputError(
            fmt::format("{}: holds the results of another sweep (different experiment, scenario or "
                        "version); it is left untouched: choose another --out",
                        options.out.string()));
    }
    return false;
}

SweepManifest open_manifest(const PreparedSweep& sweep, const LoadedExperiment& experiment,
                            const SweepOptions& options) {
    const bool joining = options.resume || options.part.has_value();
    if (const auto existing = joining ? read_manifest(sweep.folder) : std::nullopt) {
        if (existing->fingerprint != sweep.fingerprint || existing->runs != sweep.plan.runs()) {
            throw OutputError(fmt::format(
                "{}: these shards belong to another sweep (the experiment, its scenario or "
                "regiosim changed since); they are left untouched: delete the folder or choose "
                "another --out",
                sweep.folder.string()));
        }
        return *existing;  // the cut is fixed by the first invocation
    }
    int shard_runs = options.shard_runs > 0 ? options.shard_runs : experiment.spec.shard_runs;
    if (shard_runs <= 0) {
        shard_runs = default_shard_runs(sweep.plan.runs());
    }
    SweepManifest manifest;
    manifest.fingerprint = sweep.fingerprint;
    manifest.runs = sweep.plan.runs();
    manifest.shard_runs = shard_runs;
    manifest.shards = static_cast<int>((sweep.plan.runs() + shard_runs - 1) / shard_runs);
    manifest.experiment_file = experiment.spec.file.string();
    std::error_code ec;
    fs::create_directories(sweep.folder, ec);
    if (ec) {
        throw OutputError(sweep.folder.string() + ": cannot create: " + ec.message());
    }
    write_manifest(sweep.folder, manifest);
    return manifest;
}

}  // namespace

fs::path ended_job_report(const fs::path& folder) {
    return folder / "ended-job.txt";
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

PreparedSweep plan_only(const LoadedExperiment& experiment, const SweepOptions& options,
                        const SweepManifest& manifest) {
    PreparedSweep sweep;
    sweep.plan = make_sweep_plan(experiment.spec);
    sweep.fingerprint = sweep_fingerprint(experiment, sweep.plan);
    sweep.folder = options.out.string() + ".parts";
    sweep.manifest = manifest;
    return sweep;
}

PreparedSweep prepare(const LoadedExperiment& experiment, const SweepOptions& options) {
    if (options.resume && options.force) {
        throw UsageError(
            "--resume and --force contradict each other: --resume keeps what was computed, "
            "--force throws a finished file away");
    }
    PreparedSweep sweep = plan_only(experiment, options, {});
    const std::array inputs = {experiment.spec.file, experiment.spec.scenario_file};
    check_output_target(options.out, inputs,
                        "valid: --out naming a new file or a results file of `regiosim sweep`");
    // Before anything is looked at or changed: another sweep may be writing this output.
    if (options.part) {
        OutputLock::check_free(options.out);
    } else {
        sweep.lock = OutputLock(options.out);
    }
    if (check_existing_output(sweep, options)) {
        remove_parts_folder(sweep.folder, options.out);
        sweep.already_complete = true;
        return sweep;
    }
    sweep.manifest = open_manifest(sweep, experiment, options);
    const int shards = sweep.manifest.shards;
    sweep.end_shard = shards;
    if (options.part) {
        const auto& p = *options.part;
        sweep.first_shard = static_cast<int>(static_cast<std::int64_t>(shards) * p.index / p.count);
        sweep.end_shard =
            static_cast<int>(static_cast<std::int64_t>(shards) * (p.index + 1) / p.count);
    }
    remove_stale_temporaries(sweep, !options.part.has_value());
    report_ended_job(sweep.folder);
    for (int s = sweep.first_shard; s < sweep.end_shard; ++s) {
        const ShardRange range = shard_range(sweep, s);
        sweep.runs_in_part += range.last - range.first;
        if (shard_is_complete(shard_path(sweep.folder, s), sweep, range)) {
            sweep.runs_on_disk += range.last - range.first;
        } else {
            sweep.todo.push_back(s);
        }
    }
    return sweep;
}

ShardRange shard_range(const PreparedSweep& sweep, int shard) {
    const std::int64_t first = static_cast<std::int64_t>(shard) * sweep.manifest.shard_runs;
    return {first, std::min(sweep.plan.runs(), first + sweep.manifest.shard_runs)};
}

void compute_shard(const PreparedSweep& sweep, const LoadedExperiment& experiment, int shard,
                   RunTable& buffer) {
    const ShardRange range = shard_range(sweep, shard);
    run_sweep_block(sweep.plan, experiment.scenario, range.first, range.last, buffer);
}

void publish_shard(const PreparedSweep& sweep, int shard, const RunTable& table) {
    const ShardRange range = shard_range(sweep, shard);
    const fs::path final_path = shard_path(sweep.folder, shard);
    const fs::path tmp = final_path.string() + ".tmp";
    {
        // Yearly rows outnumber runs about 15:1; chunks of the run count serve both well.
        const auto chunk = static_cast<std::uint64_t>(
            std::clamp<std::int64_t>(range.last - range.first, 1024, 65'536));
        ResultsWriter writer(tmp, sweep.plan, false, chunk);
        writer.append(table);
        writer.write_shard_identity(range.first, range.last, sweep.fingerprint);
        writer.close();
    }
    durable::publish(tmp, final_path);
}

std::unique_ptr<ResultsWriter> open_merged(const PreparedSweep& sweep,
                                           const SweepOptions& options) {
    return std::make_unique<ResultsWriter>(merged_temporary(options), sweep.plan, true);
}

namespace {

void complete_merged(std::unique_ptr<ResultsWriter> merged, const PreparedSweep& sweep,
                     const LoadedExperiment& experiment, const SweepOptions& options) {
    merged->write_provenance(provenance_of(experiment, options));
    merged->write_shard_identity(0, sweep.plan.runs(), sweep.fingerprint);
    merged->close();
    merged.reset();
    // Read back before it takes the final name: a file published as done must be whole.
    if (const std::string problem =
            problem_with(merged_temporary(options), expected_results(sweep));
        !problem.empty()) {
        throw IoError(fmt::format(
            "{}: the merged file does not read back ({}); it is not published and the shards "
            "stay: run the sweep again with --resume",
            merged_temporary(options).string(), problem));
    }
    durable::publish(merged_temporary(options), options.out);
    if (!options.keep_parts) {
        remove_parts_folder(sweep.folder, options.out);
    }
}

}  // namespace

void merge(const PreparedSweep& sweep, const LoadedExperiment& experiment,
           const SweepOptions& options) {
    auto merged = open_merged(sweep, options);
    const auto names = factor_names(sweep.plan);
    for (int s = 0; s < sweep.manifest.shards; ++s) {
        const fs::path path = shard_path(sweep.folder, s);
        const ShardRange range = shard_range(sweep, s);
        // Reading the whole table is the check that every chunk inflates; the identity
        // attributes say it holds this shard's runs.
        std::optional<RunTable> table;
        try {
            const ResultsReader reader(path);
            if (reader.string_attribute("sweep_fingerprint") == sweep.fingerprint &&
                reader.int_attribute("first_run") == range.first &&
                reader.int_attribute("last_run") == range.last) {
                table = reader.read_table(names);
            }
        } catch (const Error&) {
        }
        if (!table ||
            table->runs.run_id.size() != static_cast<std::size_t>(range.last - range.first)) {
            std::error_code ec;
            if (fs::exists(path, ec)) {
                set_aside(path);
            }
            throw IoError(fmt::format(
                "{}: missing or damaged; run the sweep again with --resume to compute it",
                path.string()));
        }
        merged->append(*table);
    }
    complete_merged(std::move(merged), sweep, experiment, options);
}

void finish(const PreparedSweep& sweep, const LoadedExperiment& experiment,
            const SweepOptions& options, Clock::time_point start, SweepSummary& summary,
            std::unique_ptr<ResultsWriter> merged_so_far) {
    if (!options.part) {
        const auto merge_start = Clock::now();
        if (merged_so_far) {
            complete_merged(std::move(merged_so_far), sweep, experiment, options);
        } else {
            merge(sweep, experiment, options);
        }
        summary.write_seconds += seconds_since(merge_start);
        summary.merged = true;
    }
    summary.seconds = seconds_since(start);
}

}  // namespace regiosim::sweep_steps
