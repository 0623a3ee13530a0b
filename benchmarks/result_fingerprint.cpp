// Prints a hash of everything the model computes — the state after every month (trust matrix,
// partner attributes, collaboration figures) and every run's result — for each arm of each
// shipped scenario and of the reference region scaled to 100 partners. Two builds whose
// outputs match compute bit-identical runs: the check that a speed-up changed no result.
//
// Usage: regiosim_result_fingerprint [replications [scenario folder]]
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_scenarios.hpp"
#include "regiosim/core/simulation.hpp"
#include "regiosim/scenario/loader.hpp"

namespace regiosim::bench {

namespace {

// FNV-1a over 64-bit words: order-sensitive and cheap; not cryptographic, need not be.
class Fingerprint {
  public:
    void add(std::uint64_t word) noexcept {
        for (int b = 0; b < 8; ++b) {
            hash_ ^= (word >> (8 * b)) & 0xFFU;
            hash_ *= 0x100000001B3ULL;
        }
    }
    void add(double x) noexcept { add(std::bit_cast<std::uint64_t>(x)); }
    void add(int x) noexcept { add(static_cast<std::uint64_t>(static_cast<std::int64_t>(x))); }
    [[nodiscard]] std::uint64_t value() const noexcept { return hash_; }

  private:
    std::uint64_t hash_ = 0xCBF29CE484222325ULL;
};

void add_state(Fingerprint& f, const SimulationState& s) {
    f.add(s.month);
    f.add(s.n_active);
    for (const double x : {s.mean_trust, s.mean_commitment, s.intention, s.conflict, s.dependence,
                           s.action, s.output, s.cumulative_output, s.funding}) {
        f.add(x);
    }
    const auto& a = s.partners;
    for (std::size_t i = 0; i < a.size(); ++i) {
        f.add(static_cast<int>(a.active[i]));
        f.add(a.commitment[i]);
        f.add(a.contribution[i]);
        f.add(a.perceived_return[i]);
        f.add(a.expertise[i]);
    }
    // Column by column, as the matrix is stored (padding left out).
    for (Eigen::Index j = 0; j < s.trust.cols(); ++j) {
        for (Eigen::Index i = 0; i < s.trust.rows(); ++i) {
            f.add(s.trust(i, j));
        }
    }
}

void add_result(Fingerprint& f, const RunResult& r) {
    f.add(r.months_survived);
    f.add(static_cast<int>(r.cause));
    f.add(r.month_self_sustaining);
    f.add(r.months_to_first_success);
    f.add(r.total_cost);
    f.add(r.cumulative_results);
    for (const auto& y : r.years) {
        f.add(y.active_partners);
        f.add(y.mean_trust);
        f.add(y.mean_commitment);
        f.add(y.intention);
        f.add(static_cast<int>(y.phase));
    }
    for (const double x : r.spent) {
        f.add(x);
    }
    for (const auto& e : r.events) {
        f.add(e.month);
        f.add(static_cast<int>(e.kind));
        f.add(e.partner);
        f.add(e.before);
        f.add(e.after);
    }
    f.add(r.dropped_events);
}

std::uint64_t fingerprint_scenario(const std::string& label, const Scenario& scenario,
                                   int replications) {
    Fingerprint all;
    for (const Arm& arm : scenario.arms) {
        Fingerprint f;
        Simulation simulation(scenario, arm);
        for (int run = 0; run < replications; ++run) {
            simulation.reset(scenario.seed, static_cast<std::uint64_t>(run));
            add_state(f, simulation.state());
            while (simulation.step()) {
                add_state(f, simulation.state());
            }
            add_state(f, simulation.state());
            add_result(f, simulation.result());
        }
        std::printf("%016llx  %s / %s\n", static_cast<unsigned long long>(f.value()), label.c_str(),
                    arm.name.c_str());
        all.add(f.value());
    }
    return all.value();
}

}  // namespace

}  // namespace regiosim::bench

int main(int argc, char** argv) {
    using namespace regiosim;
    const int replications = argc > 1 ? std::atoi(argv[1]) : 50;
    bench::Fingerprint total;
    const auto folder = argc > 2 ? std::filesystem::path(argv[2])
                                 : std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".toml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        total.add(
            bench::fingerprint_scenario(file.stem().string(), load_scenario(file), replications));
    }
    total.add(bench::fingerprint_scenario("reference×100", bench::scaled_reference(100, 15),
                                          replications / 5 + 1));
    std::printf("%016llx  total\n", static_cast<unsigned long long>(total.value()));
    return 0;
}
