#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "regiosim/core/run_result.hpp"
#include "regiosim/core/scenario.hpp"
#include "regiosim/core/simulation_state.hpp"

/// A hash of everything the fast engine computes — the state after every month (trust matrix,
/// partner attributes, collaboration figures) and every run's result. Two builds whose
/// fingerprints match compute bit-identical runs: the check that a speed-up changed no result,
/// and (tests/core/data/expected-fingerprints.txt) the recorded expected output of the model.
namespace regiosim::bench {

/// FNV-1a over 64-bit words: order-sensitive and cheap; not cryptographic, need not be.
class Fingerprint {
  public:
    void add(std::uint64_t word) noexcept;
    void add(double x) noexcept;
    void add(int x) noexcept;
    [[nodiscard]] std::uint64_t value() const noexcept { return hash_; }

  private:
    std::uint64_t hash_ = 0xCBF29CE484222325ULL;
};

/// Adds the state of a run after a month: collaboration figures, partner attributes and the
/// trust matrix column by column (padding left out).
void add_state(Fingerprint& f, const ModelState& s);

/// Adds a run's result: outcome, yearly records, spending and the event log.
void add_result(Fingerprint& f, const RunResult& r);

/// Runs 0 … replications−1 of `arm` from the scenario's seed, adding every month's state and
/// every result.
[[nodiscard]] std::uint64_t fingerprint_arm(const Scenario& scenario, const Arm& arm,
                                            int replications);

/// The fingerprint of one arm of one scenario.
struct ArmFingerprint {
    std::string scenario;  ///< the scenario file's stem, or a label such as "reference×100"
    std::string arm;
    std::uint64_t hash = 0;

    friend bool operator==(const ArmFingerprint&, const ArmFingerprint&) = default;
};

/// Every arm of `scenario`, in the scenario's order.
[[nodiscard]] std::vector<ArmFingerprint> fingerprint_scenario(const std::string& label,
                                                               const Scenario& scenario,
                                                               int replications);

/// The `*.toml` files directly in `folder` (the shipped scenarios), sorted by name.
[[nodiscard]] std::vector<std::filesystem::path> scenario_files(
    const std::filesystem::path& folder);

/// fingerprint_scenario of every file of scenario_files(folder), labelled by the file's stem.
[[nodiscard]] std::vector<ArmFingerprint> fingerprint_folder(const std::filesystem::path& folder,
                                                             int replications);

}  // namespace regiosim::bench
