// Prints a hash of everything the model computes — the state after every month (trust matrix,
// partner attributes, collaboration figures) and every run's result — for each arm of each
// shipped scenario and of the reference region scaled to 100 partners. Two builds whose
// outputs match compute bit-identical runs: the check that a speed-up changed no result.
//
// Usage: regiosim_result_fingerprint [replications [scenario folder]]
//        regiosim_result_fingerprint --write FILE   (the recorded expected output that
//                                                     tests/core/test_expected_fingerprints checks)
#include "result_fingerprint.hpp"

#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "bench_scenarios.hpp"
#include "fingerprint_file.hpp"
#include "regiosim/errors/errors.hpp"

namespace {

using namespace regiosim;

constexpr int default_replications = 50;
// The 100-partner region costs about five times a shipped one per run.
constexpr int scaled_region_share = 5;
constexpr int scaled_partners = 100;
constexpr int scaled_years = 15;

int parse_replications(std::string_view text) {
    int replications = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), replications);
    if (error != std::errc() || end != text.data() + text.size() || replications < 1) {
        throw UsageError("replications `" + std::string(text) + "`: expected a whole number >= 1");
    }
    return replications;
}

// Prints each arm's line and adds each scenario's hash of its arms' hashes to `total`.
void print_and_total(const std::vector<bench::ArmFingerprint>& arms, bench::Fingerprint& total) {
    bench::Fingerprint scenario;
    for (std::size_t k = 0; k < arms.size(); ++k) {
        bench::write_fingerprint_line(std::cout, arms[k]);
        scenario.add(arms[k].hash);
        if (k + 1 == arms.size() || arms[k + 1].scenario != arms[k].scenario) {
            total.add(scenario.value());
            scenario = bench::Fingerprint();
        }
    }
}

int print_fingerprints(int replications, const std::filesystem::path& folder) {
    bench::Fingerprint total;
    print_and_total(bench::fingerprint_folder(folder, replications), total);
    print_and_total(bench::fingerprint_scenario(
                        "reference×100", bench::scaled_reference(scaled_partners, scaled_years),
                        replications / scaled_region_share + 1),
                    total);
    std::cout << bench::to_hex(total.value()) << "  total\n";
    return 0;
}

int write_recorded(const std::filesystem::path& file) {
    const std::filesystem::path folder = std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios";
    const bench::FingerprintFile recorded{
        bench::recorded_replications,
        bench::fingerprint_folder(folder, bench::recorded_replications)};
    std::ofstream out(file);
    if (!out) {
        throw OutputError(file.string() + ": cannot create the fingerprint file");
    }
    bench::write_fingerprint_file(out, recorded);
    if (!out.flush()) {
        throw IoError(file.string() + ": writing the fingerprint file failed");
    }
    std::cout << file.string() << ": " << recorded.arms.size() << " arms over "
              << recorded.replications << " replications\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc > 1 && std::strcmp(argv[1], "--write") == 0) {
            if (argc != 3) {
                throw UsageError("usage: regiosim_result_fingerprint --write FILE");
            }
            return write_recorded(argv[2]);
        }
        const int replications = argc > 1 ? parse_replications(argv[1]) : default_replications;
        const auto folder = argc > 2 ? std::filesystem::path(argv[2])
                                     : std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios";
        return print_fingerprints(replications, folder);
    } catch (const Error& e) {
        std::cerr << "regiosim_result_fingerprint: " << e.what() << '\n';
        return static_cast<int>(e.exit_code());
    }
}
