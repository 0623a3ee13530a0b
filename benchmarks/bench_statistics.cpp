// Kaplan–Meier by arm and a Cox model with arm indicators over a large synthetic sweep:
// 10^6 runs in 5 arms, monthly times censored at 15 years (ties as heavy as in real sweeps).
#include <benchmark/benchmark.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "regiosim/analysis/arm_comparison.hpp"
#include "regiosim/analysis/cox_model.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"
#include "regiosim/core/random.hpp"

namespace regiosim::bench {

namespace {

constexpr int arms = 5;
constexpr int horizon = 180;

analysis::SurvivalData synthetic_sweep(std::int64_t runs) {
    const RandomStream rng(20261122, 0);
    analysis::SurvivalData d;
    d.time.resize(static_cast<std::size_t>(runs));
    d.event.resize(static_cast<std::size_t>(runs));
    d.group.resize(static_cast<std::size_t>(runs));
    for (std::int64_t i = 0; i < runs; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const int arm = static_cast<int>(i % arms);
        // Exponential survival, arm k living (1 + 0.25 k) times as long as the baseline.
        const double mean_months = 60.0 * (1.0 + 0.25 * arm);
        const double u = rng.uniform(DrawPurpose::initial_state, 0, static_cast<std::uint32_t>(i));
        const double months = std::ceil(-mean_months * std::log(u));
        d.time[k] = std::min<double>(months, horizon);
        d.event[k] = months <= horizon ? 1 : 0;
        d.group[k] = arm;
    }
    return d;
}

Eigen::MatrixXd arm_indicators(const analysis::SurvivalData& d) {
    Eigen::MatrixXd x = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(d.size()), arms - 1);
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (d.group[i] > 0) {
            x(static_cast<Eigen::Index>(i), d.group[i] - 1) = 1.0;
        }
    }
    return x;
}

void BM_KaplanMeierByArm(benchmark::State& state) {
    const auto data = synthetic_sweep(state.range(0));
    for (auto _ : state) {
        auto curves = analysis::kaplan_meier_by_group(data);
        benchmark::DoNotOptimize(curves.size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_KaplanMeierByArm)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_CoxArms(benchmark::State& state) {
    const auto data = synthetic_sweep(state.range(0));
    const Eigen::MatrixXd x = arm_indicators(data);
    for (auto _ : state) {
        auto fit = analysis::cox_fit(data, x);
        benchmark::DoNotOptimize(fit.coef.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CoxArms)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// What `regiosim analyze` needs for the survival table: both, one after the other.
void BM_KaplanMeierAndCox(benchmark::State& state) {
    const auto data = synthetic_sweep(state.range(0));
    const Eigen::MatrixXd x = arm_indicators(data);
    for (auto _ : state) {
        auto curves = analysis::kaplan_meier_by_group(data);
        auto fit = analysis::cox_fit(data, x);
        benchmark::DoNotOptimize(curves.size());
        benchmark::DoNotOptimize(fit.coef.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_KaplanMeierAndCox)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);

// The what-if table of `regiosim compare` and `regiosim analyze`: Kaplan–Meier and RMST per
// arm, and a Cox hazard ratio of each arm against the baseline (one fit per arm).
void BM_CompareArms(benchmark::State& state) {
    const auto data = synthetic_sweep(state.range(0));
    std::vector<analysis::ArmSample> samples(arms);
    for (std::size_t a = 0; a < samples.size(); ++a) {
        samples[a].name = "arm " + std::to_string(a);
    }
    for (std::size_t i = 0; i < data.size(); ++i) {
        auto& arm = samples[static_cast<std::size_t>(data.group[i])];
        arm.months.push_back(data.time[i]);
        arm.ended.push_back(data.event[i]);
    }
    for (auto _ : state) {
        auto rows = analysis::compare_arms(samples, horizon);
        benchmark::DoNotOptimize(rows.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CompareArms)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace

}  // namespace regiosim::bench
