#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>

#include "commands.hpp"
#include "engine_option.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/experiment/make_engine.hpp"
#include "regiosim/experiment/sweep_plan.hpp"
#include "regiosim/results/run_json.hpp"
#include "regiosim/scenario/experiment_spec.hpp"
#include "regiosim/sweep/mpi_sweep.hpp"
#include "regiosim/sweep/sweep_runner.hpp"
#include "run_text.hpp"

namespace regiosim::cli {

namespace {

struct SweepCliOptions {
    std::string experiment;
    std::string out;
    int threads = 0;
    bool resume = false;
    bool force = false;
    std::string progress = "auto";
    bool json = false;
    std::string shard;
    int shard_runs = 0;
    bool keep_parts = false;
    bool dry_run = false;
    std::int64_t rerun = -1;
    std::optional<EngineKind> engine;
};

std::optional<SweepPart> parse_part(const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const std::regex pattern(R"((\d{1,6})/(\d{1,6}))");
    std::smatch m;
    if (!std::regex_match(text, m, pattern)) {
        throw UsageError(
            fmt::format("--shard {}: expected I/N, e.g. --shard 3/10 for the third "
                        "of ten parts (1-based)",
                        text));
    }
    const int index = std::stoi(m[1].str());
    const int count = std::stoi(m[2].str());
    if (count < 1 || index < 1 || index > count) {
        throw UsageError(
            fmt::format("--shard {}: I must be between 1 and N, and N at least 1", text));
    }
    return SweepPart{index - 1, count};
}

std::string duration_text(double seconds) {
    if (!(seconds >= 0.0) || seconds > 1e7) {
        return "?";
    }
    const auto s = static_cast<long>(seconds + 0.5);
    if (s >= 3600) {
        return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
    }
    if (s >= 60) {
        return fmt::format("{}m{:02}s", s / 60, s % 60);
    }
    return fmt::format("{}s", s);
}

std::function<void(const SweepProgress&)> progress_display(const SweepCliOptions& o) {
    if (o.json) {
        return [](const SweepProgress& p) {
            const double rate = p.elapsed_seconds > 0
                                    ? static_cast<double>(p.runs_this_session) / p.elapsed_seconds
                                    : 0.0;
            const double eta =
                rate > 0 ? static_cast<double>(p.runs_total - p.runs_done) / rate : 0;
            nlohmann::json event = {{"event", "progress"},
                                    {"runs_done", p.runs_done},
                                    {"runs_total", p.runs_total},
                                    {"shards_done", p.shards_done},
                                    {"shards_total", p.shards_total},
                                    {"runs_per_second", rate},
                                    {"eta_seconds", eta},
                                    {"elapsed_seconds", p.elapsed_seconds}};
            std::cout << event.dump() << '\n' << std::flush;
        };
    }
    const bool show =
        o.progress == "always" || (o.progress == "auto" && isatty(STDERR_FILENO) != 0);
    if (!show) {
        return {};
    }
    return [](const SweepProgress& p) {
        const double rate = p.elapsed_seconds > 0
                                ? static_cast<double>(p.runs_this_session) / p.elapsed_seconds
                                : 0.0;
        const double eta = rate > 0 ? static_cast<double>(p.runs_total - p.runs_done) / rate : -1;
        std::cerr << fmt::format("\r{}/{} runs ({:.0f} %), shard {}/{}, {:.0f} runs/s, ETA {}   ",
                                 p.runs_done, p.runs_total,
                                 p.runs_total > 0 ? 100.0 * p.runs_done / p.runs_total : 100.0,
                                 p.shards_done, p.shards_total, rate, duration_text(eta));
        if (p.shards_done == p.shards_total) {
            std::cerr << '\n';
        }
    };
}

int rerun_one(const LoadedExperiment& experiment, std::int64_t run_id, bool json) {
    const SweepPlan plan = make_sweep_plan(experiment.spec);
    if (run_id < 0 || run_id >= plan.runs()) {
        throw UsageError(
            fmt::format("--rerun {}: this sweep has runs 0 to {}", run_id, plan.runs() - 1));
    }
    const RunCoordinates c = plan.coordinates(run_id);
    const auto overrides = plan.overrides(c.point);
    const Scenario scenario = experiment.scenario.resolve(overrides);
    const Arm* arm = scenario.find_arm(plan.spec.arms[static_cast<std::size_t>(c.arm)]);
    const std::uint64_t seed = plan.run_seed(c.point, c.arm);
    const auto engine = make_engine(plan.spec.engine, scenario, *arm);
    const auto& result = engine->run(seed, static_cast<std::uint64_t>(c.replicate));
    if (json) {
        auto j = run_to_json(result, scenario, *arm, engine->interventions(), seed,
                             static_cast<std::uint64_t>(c.replicate));
        j["sweep"] = {{"run_id", run_id}, {"point", c.point}, {"replicate", c.replicate}};
        for (std::size_t f = 0; f < plan.spec.factors.size(); ++f) {
            j["sweep"]["factors"][plan.spec.factors[f].name] =
                plan.factor_values(c.point, static_cast<Eigen::Index>(f));
        }
        std::cout << j.dump(2) << '\n';
    } else {
        fmt::print("sweep {} · run {} · design point {} · replicate {}\n", plan.spec.name, run_id,
                   c.point, c.replicate);
        for (std::size_t f = 0; f < plan.spec.factors.size(); ++f) {
            fmt::print("  {} = {}\n", plan.spec.factors[f].name,
                       plan.factor_values(c.point, static_cast<Eigen::Index>(f)));
        }
        print_run_text(result, scenario, *arm, engine->interventions(), seed,
                       static_cast<std::uint64_t>(c.replicate));
    }
    return 0;
}

void print_plan(const LoadedExperiment& experiment, const SweepOptions& options) {
    // Counts from the spec alone: the plan of a huge design answers without expanding it.
    const SweepSize size = sweep_size(experiment.spec);
    const int shard_runs = options.shard_runs > 0           ? options.shard_runs
                           : experiment.spec.shard_runs > 0 ? experiment.spec.shard_runs
                                                            : default_shard_runs(size.runs);
    fmt::print("experiment {}: design {} over {} factor(s)\n", experiment.spec.name,
               to_string(experiment.spec.design), size.factors);
    fmt::print("{} design points × {} arms × {} replications = {} runs in {} shards of {}\n",
               size.points, size.arms, experiment.spec.replications, size.runs,
               (size.runs + shard_runs - 1) / shard_runs, shard_runs);
    fmt::print("design in memory: {:.1f} MiB{}\n",
               static_cast<double>(size.design_bytes) / (1024.0 * 1024.0),
               size.design_bytes > max_design_bytes
                   ? fmt::format(" (too large to run: over the limit of {} GiB; use fewer points "
                                 "or factors)",
                                 max_design_bytes >> 30)
                   : std::string());
    fmt::print("results: {} (shards in {}.parts/)\n", options.out.string(), options.out.string());
}

}  // namespace

Command add_sweep_command(CLI::App& app) {
    auto o = std::make_shared<SweepCliOptions>();
    auto* sub = app.add_subcommand(
        "sweep",
        "Run an experiment design (replications, factorial, LHS, Sobol, Morris, OAT) to "
        "an HDF5 results file");
    sub->add_option("experiment", o->experiment, "Experiment file (TOML)")->required();
    sub->add_option("--out", o->out, "Results file (default: results/<experiment name>.h5)");
    sub->add_option("--threads", o->threads, "Worker threads (default: all cores)")
        ->check(CLI::Range(1, 1024));
    sub->add_flag("--resume", o->resume,
                  "Finish an interrupted sweep (or merge the parts of --shard runs)");
    sub->add_flag("--force", o->force, "Overwrite an existing results file");
    sub->add_option("--progress", o->progress,
                    "Progress on stderr: auto (when a terminal), "
                    "always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    sub->add_flag("--json", o->json, "Newline-delimited JSON progress and summary on stdout");
    sub->add_option("--shard", o->shard,
                    "Run only part I of N (1-based, e.g. 2/8) for job arrays; merge with --resume");
    sub->add_option("--shard-runs", o->shard_runs, "Runs per shard file")
        ->check(CLI::Range(1, 10'000'000));
    sub->add_flag("--keep-parts", o->keep_parts, "Keep the shard files after merging");
    sub->add_flag("--dry-run", o->dry_run, "Print the plan (points, runs, shards) and stop");
    sub->add_option("--rerun", o->rerun, "Re-run one run of the sweep by its run_id and print it")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{4'000'000'000'000}));
    add_engine_option(*sub, o->engine);
    return {sub, [o]() {
                LoadedExperiment experiment = load_experiment(o->experiment);
                if (o->engine) {
                    experiment.spec.engine = *o->engine;
                }
                if (o->rerun >= 0) {
                    return rerun_one(experiment, o->rerun, o->json);
                }
                SweepOptions options;
                options.out = o->out.empty() ? std::filesystem::path("results") /
                                                   (experiment.spec.name + ".h5")
                                             : std::filesystem::path(o->out);
                options.threads = o->threads;
                options.resume = o->resume;
                options.force = o->force;
                options.shard_runs = o->shard_runs;
                options.part = parse_part(o->shard);
                options.keep_parts = o->keep_parts;
                options.command_line = command_line();
                options.progress = progress_display(*o);
                if (o->dry_run) {
                    print_plan(experiment, options);
                    return 0;
                }
                if (const auto parent = options.out.parent_path(); !parent.empty()) {
                    std::error_code ec;
                    std::filesystem::create_directories(parent, ec);
                    if (ec) {
                        throw OutputError(parent.string() + ": cannot create: " + ec.message());
                    }
                }
                SweepSummary s;
                if (launched_with_several_ranks()) {
                    const MpiSweepOutcome outcome = run_sweep_mpi(experiment, options);
                    if (outcome.rank != 0) {
                        return 0;  // rank 0 reports for the whole job
                    }
                    s = outcome.summary;
                } else {
                    s = run_sweep(experiment, options);
                }
                if (o->json) {
                    nlohmann::json done = {
                        {"event", "done"},      {"out", options.out.string()},
                        {"runs", s.runs},       {"runs_computed", s.runs_computed},
                        {"shards", s.shards},   {"shards_computed", s.shards_computed},
                        {"merged", s.merged},   {"already_complete", s.already_complete},
                        {"seconds", s.seconds}, {"write_seconds", s.write_seconds}};
                    std::cout << done.dump() << '\n';
                } else if (s.already_complete) {
                    fmt::print("{} is already complete; nothing to do\n", options.out.string());
                } else if (s.merged) {
                    fmt::print("wrote {}: {} runs ({} computed now) in {:.1f} s\n",
                               options.out.string(), s.runs, s.runs_computed, s.seconds);
                } else {
                    fmt::print(
                        "part done: {} of its runs computed in {:.1f} s; when every part "
                        "is done, run `regiosim sweep {} --out {} --resume` to merge\n",
                        s.runs_computed, s.seconds, o->experiment, options.out.string());
                }
                return 0;
            }};
}

}  // namespace regiosim::cli
