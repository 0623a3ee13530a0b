#include "result_fingerprint.hpp"

#include <algorithm>
#include <bit>

#include "regiosim/core/simulation.hpp"
#include "regiosim/scenario/loader.hpp"

namespace regiosim::bench {

namespace {

constexpr std::uint64_t fnv_prime = 0x100000001B3ULL;
constexpr int bits_per_byte = 8;
constexpr int bytes_per_word = 8;
constexpr std::uint64_t byte_mask = 0xFFU;

}  // namespace

void Fingerprint::add(std::uint64_t word) noexcept {
    for (int b = 0; b < bytes_per_word; ++b) {
        hash_ ^= (word >> (bits_per_byte * b)) & byte_mask;
        hash_ *= fnv_prime;
    }
}

void Fingerprint::add(double x) noexcept {
    add(std::bit_cast<std::uint64_t>(x));
}

void Fingerprint::add(int x) noexcept {
    add(static_cast<std::uint64_t>(static_cast<std::int64_t>(x)));
}

void add_state(Fingerprint& f, const ModelState& s) {
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

std::uint64_t fingerprint_arm(const Scenario& scenario, const Arm& arm, int replications) {
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
    return f.value();
}

std::vector<ArmFingerprint> fingerprint_scenario(const std::string& label, const Scenario& scenario,
                                                 int replications) {
    std::vector<ArmFingerprint> arms;
    for (const Arm& arm : scenario.arms) {
        arms.push_back({label, arm.name, fingerprint_arm(scenario, arm, replications)});
    }
    return arms;
}

std::vector<std::filesystem::path> scenario_files(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().extension() == ".toml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<ArmFingerprint> fingerprint_folder(const std::filesystem::path& folder,
                                               int replications) {
    std::vector<ArmFingerprint> all;
    for (const auto& file : scenario_files(folder)) {
        const auto arms =
            fingerprint_scenario(file.stem().string(), load_scenario(file), replications);
        all.insert(all.end(), arms.begin(), arms.end());
    }
    return all;
}

}  // namespace regiosim::bench
