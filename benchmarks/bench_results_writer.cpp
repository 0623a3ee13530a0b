// The HDF5 results writer against the computation it stores: a block of the reference sweep
// is computed once, then written again and again (with and without yearly trajectories).
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "regiosim/experiment/run_block.hpp"
#include "regiosim/results/results_writer.hpp"
#include "regiosim/scenario/experiment_spec.hpp"

namespace regiosim::bench {

namespace {

constexpr std::int64_t block_runs = 6000;

struct Block {
    LoadedExperiment experiment;
    SweepPlan plan;
    RunTable table;
};

Block make_block(bool yearly) {
    Block b{load_experiment(std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios" /
                            "experiments" / "reference-replications.toml"),
            {},
            {}};
    b.experiment.spec.yearly = yearly;
    b.plan = make_sweep_plan(b.experiment.spec);
    run_sweep_block(b.plan, b.experiment.scenario, 0, block_runs, b.table);
    return b;
}

std::filesystem::path scratch_file(const std::string& what) {
    return std::filesystem::temp_directory_path() /
           ("regiosim-bench-" + std::to_string(::getpid()) + "-" + what + ".h5");
}

// Computing the block single-threaded: what the writer's share is measured against.
void BM_ComputeBlock(benchmark::State& state) {
    const tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);
    auto experiment = load_experiment(std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios" /
                                      "experiments" / "reference-replications.toml");
    experiment.spec.yearly = state.range(0) != 0;
    const SweepPlan plan = make_sweep_plan(experiment.spec);
    RunTable table;
    for (auto _ : state) {
        run_sweep_block(plan, experiment.scenario, 0, block_runs, table);
        benchmark::DoNotOptimize(table.runs.run_id.data());
    }
    state.SetItemsProcessed(state.iterations() * block_runs);
}
BENCHMARK(BM_ComputeBlock)->ArgName("yearly")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// What a sweep writes for a block of runs (sweep_steps.cpp): a shard file with chunks of the
// block's rows, created, filled and closed, and the same rows appended to the merged file, whose
// 65 536-row chunks are compressed once, when they fill or when the file closes. The merged file
// stays open across iterations, as in a sweep; its last, partial chunk is left out of the timing
// (a sweep compresses it once, at the end). The fsync after each shard waits for the disk and
// takes no CPU: left out. A block written alone into a fresh file with 65 536-row chunks
// compressed whole 65 536-row chunks for 6 000 rows: writing summaries looked three times dearer.
void BM_WriteBlock(benchmark::State& state) {
    const Block block = make_block(state.range(0) != 0);
    const auto shard = scratch_file("shard");
    const auto merged_path = scratch_file("merged");
    {
        ResultsWriter merged(merged_path, block.plan, true);
        for (auto _ : state) {
            ResultsWriter writer(shard, block.plan, false, static_cast<std::uint64_t>(block_runs));
            writer.append(block.table);
            writer.close();
            merged.append(block.table);
        }
        merged.close();  // after the timed loop
    }
    std::filesystem::remove(shard);
    std::filesystem::remove(merged_path);
    state.SetItemsProcessed(state.iterations() * block_runs);
}
BENCHMARK(BM_WriteBlock)->ArgName("yearly")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

}  // namespace regiosim::bench
