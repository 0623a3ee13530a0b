// Expected output: the fast engine's fingerprint (every month's state and every result, bit for
// bit) of each arm of each shipped scenario, compared with the one recorded in
// data/expected-fingerprints.txt. A change here is a change of model behaviour: either a bug,
// or intended and then recorded anew (regiosim_result_fingerprint --write) together with the
// docs/ODD.md change that explains it. CTest runs this binary twice, once with the widest vector
// width the machine has and once with REGIOSIM_VECTOR_ISA=baseline: both must give the same bits.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <utility>

#include "fingerprint_file.hpp"
#include "regiosim/scenario/loader.hpp"
#include "result_fingerprint.hpp"

using namespace regiosim;

namespace {

const std::filesystem::path source_dir = REGIOSIM_SOURCE_DIR;
const std::filesystem::path recorded_file =
    source_dir / "tests/core/data/expected-fingerprints.txt";

using ArmKey = std::pair<std::string, std::string>;

std::map<ArmKey, std::uint64_t> by_arm(const std::vector<bench::ArmFingerprint>& arms) {
    std::map<ArmKey, std::uint64_t> map;
    for (const auto& arm : arms) {
        map[{arm.scenario, arm.arm}] = arm.hash;
    }
    return map;
}

std::string vector_isa() {
    const char* asked = std::getenv("REGIOSIM_VECTOR_ISA");
    return asked != nullptr ? asked : "widest available";
}

}  // namespace

TEST_CASE("every arm of every shipped scenario computes the recorded fingerprint",
          "[expected-output]") {
    const auto recorded = bench::read_fingerprint_file(recorded_file);
    const auto expected = by_arm(recorded.arms);
    const auto computed =
        by_arm(bench::fingerprint_folder(source_dir / "scenarios", recorded.replications));
    INFO("vector width: " << vector_isa() << "; " << recorded.replications
                          << " replications per arm; if the change of behaviour is intended, "
                             "regenerate with `regiosim_result_fingerprint --write "
                          << recorded_file.string() << "` and explain it in docs/ODD.md");

    REQUIRE(computed.size() >= 1);
    int changed = 0;
    for (const auto& [key, hash] : computed) {
        const auto found = expected.find(key);
        if (found == expected.end()) {
            ++changed;
            FAIL_CHECK(key.first << " / " << key.second
                                 << ": not recorded (a new scenario or arm)");
        } else if (found->second != hash) {
            ++changed;
            FAIL_CHECK(key.first << " / " << key.second << ": fingerprint " << bench::to_hex(hash)
                                 << ", recorded " << bench::to_hex(found->second));
        }
    }
    for (const auto& [key, hash] : expected) {
        if (computed.find(key) == computed.end()) {
            ++changed;
            FAIL_CHECK(key.first << " / " << key.second
                                 << ": recorded but no longer shipped (removed or renamed)");
        }
    }
    CHECK(changed == 0);
}

TEST_CASE("the fingerprint sees a change of one parameter in one arm", "[expected-output]") {
    // The recorded file only protects behaviour if a small change of the model changes the
    // hash: the reference region with trust built 1 % faster must not fingerprint the same.
    const auto files = bench::scenario_files(source_dir / "scenarios");
    const auto reference = std::find_if(
        files.begin(), files.end(), [](const auto& file) { return file.stem() == "reference"; });
    REQUIRE(reference != files.end());
    auto scenario = load_scenario(*reference);
    const auto before = bench::fingerprint_arm(scenario, scenario.arms.front(), 2);
    scenario.model.trust_build_rate *= 1.01;
    CHECK(bench::fingerprint_arm(scenario, scenario.arms.front(), 2) != before);
}
