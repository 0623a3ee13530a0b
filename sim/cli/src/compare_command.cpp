#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <mutex>
#include <sstream>

#include "commands.hpp"
#include "engine_option.hpp"
#include "number_options.hpp"
#include "output_files.hpp"
#include "regiosim/analysis/arm_comparison.hpp"
#include "regiosim/analyze/arm_samples.hpp"
#include "regiosim/analyze/what_if_json.hpp"
#include "regiosim/experiment/replications.hpp"
#include "regiosim/scenario/loader.hpp"
#include "whatif_table.hpp"

namespace regiosim::cli {

namespace {

struct CompareOptions {
    std::string scenario;
    std::vector<std::string> arms;
    int replications = 0;
    int threads = 0;
    std::uint64_t seed = 0;
    bool seed_given = false;
    bool json = false;
    bool csv = false;
    std::string out_dir;
    std::optional<EngineKind> engine;
};

std::string runs_csv(const std::vector<ArmOutcomes>& outcomes, std::uint64_t seed) {
    std::ostringstream out;
    out << "arm,replicate,seed,months_survived,ended,cause,month_self_sustaining,"
           "months_to_first_success,total_cost_keur,cumulative_results\n";
    for (const auto& o : outcomes) {
        for (std::size_t r = 0; r < o.size(); ++r) {
            out << o.arm << ',' << r << ',' << seed << ',' << o.months_survived[r] << ','
                << static_cast<int>(o.ended[r]) << ',' << to_string(o.cause[r]) << ','
                << o.month_self_sustaining[r] << ',' << o.months_to_first_success[r] << ','
                << fmt::format("{}", o.total_cost[r]) << ','
                << fmt::format("{}", o.cumulative_results[r]) << '\n';
        }
    }
    return out.str();
}

ProgressCallback terminal_progress() {
    if (isatty(STDERR_FILENO) == 0) {
        return {};
    }
    auto mutex = std::make_shared<std::mutex>();
    const auto start = std::chrono::steady_clock::now();
    return [mutex, start](std::size_t done, std::size_t total) {
        const std::lock_guard lock(*mutex);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double rate = seconds > 0 ? done / seconds : 0.0;
        std::cerr << fmt::format("\r{}/{} runs, {:.0f} runs/s   ", done, total, rate);
        if (done == total) {
            std::cerr << '\n';
        }
    };
}

}  // namespace

Command add_compare_command(CLI::App& app) {
    auto o = std::make_shared<CompareOptions>();
    auto* sub = app.add_subcommand("compare", "Run every arm and print the what-if table");
    sub->add_option("scenario", o->scenario, "Scenario file (TOML)")->required();
    sub->add_option("--arms", o->arms, "Arms to compare, comma separated (baseline first)")
        ->delimiter(',');
    sub->add_option("--replications", o->replications, "Runs per arm (default: the scenario's)")
        ->check(CLI::Range(1, 10'000'000));
    sub->add_option("--threads", o->threads, "Worker threads (default: all cores)")
        ->check(CLI::Range(1, 1024));
    sub->add_option("--seed", o->seed, "Seed (default: the scenario's)")
        ->check(unsigned_64_bit("seed"))
        ->each([o](const std::string&) { o->seed_given = true; });
    sub->add_flag("--json", o->json, "Print the table as JSON");
    sub->add_flag("--csv", o->csv, "Print the table as CSV");
    sub->add_option("--out", o->out_dir,
                    "Directory for result files (default: results/<scenario>)");
    add_engine_option(*sub, o->engine);
    sub->callback([sub]() {
        if (sub->count("--json") > 0 && sub->count("--csv") > 0) {
            throw CLI::ValidationError("--json and --csv", "choose one output format");
        }
    });
    return {sub, [o]() {
                const auto scenario = load_scenario(o->scenario);
                ReplicationPlan plan;
                plan.arms = o->arms;
                plan.replications = o->replications;
                plan.threads = o->threads;
                plan.seed = o->seed;
                plan.seed_given = o->seed_given;
                plan.engine = o->engine.value_or(EngineKind::fast);
                const auto outcomes = run_replications(scenario, plan, terminal_progress());

                std::vector<analysis::ArmSample> samples;
                for (const auto& arm : outcomes) {
                    samples.push_back(arm_sample_of(arm));
                }
                const auto rows = analysis::compare_arms(samples, scenario.horizon_months);
                const auto seed = o->seed_given ? o->seed : scenario.seed;

                const std::filesystem::path dir =
                    o->out_dir.empty() ? std::filesystem::path("results") / scenario.name
                                       : std::filesystem::path(o->out_dir);
                write_file_atomically(dir / "compare-runs.csv", runs_csv(outcomes, seed));
                write_file_atomically(dir / "compare-table.csv", whatif_csv(rows));
                nlohmann::json table{{"scenario", scenario.name},
                                     {"seed", seed},
                                     {"horizon_months", scenario.horizon_months},
                                     {"engine", to_string(plan.engine)},
                                     {"arms", what_if_json(rows)}};
                write_file_atomically(dir / "compare-table.json", table.dump(2) + "\n");

                if (o->json) {
                    std::cout << table.dump(2) << '\n';
                } else if (o->csv) {
                    std::cout << whatif_csv(rows);
                } else {
                    std::cout << whatif_text(rows, scenario.horizon_months);
                    std::cout << fmt::format("\nResults written to {}/\n", dir.string());
                }
                return 0;
            }};
}

}  // namespace regiosim::cli
