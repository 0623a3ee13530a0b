// libFuzzer target: any input must either load or end in a regiosim::Error. Anything else that
// escapes (another exception, a crash, a sanitizer report, a hang) is a finding. Inputs that do
// load must also round-trip: the resolved text loads back to an equal scenario and is a fixed
// point of to_toml.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "regiosim/errors/errors.hpp"
#include "regiosim/scenario/loader.hpp"
#include "regiosim/scenario/reflection_tool.hpp"

namespace {

const std::filesystem::path base_dir = std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios";

[[noreturn]] void finding(const char* what, const char* detail) {
    std::fprintf(stderr, "FINDING: %s\n%s\n", what, detail);
    std::abort();
}

void check_round_trip(const regiosim::LoadedScenario& loaded) {
    regiosim::LoadedScenario again;
    try {
        again = regiosim::load_scenario_detailed_from_string(loaded.resolved_text, "resolved.toml",
                                                             base_dir);
    } catch (const regiosim::Error& error) {
        finding("the resolved text of a loaded scenario does not load", error.what());
    }
    if (!(again.scenario == loaded.scenario) || again.sim_factors != loaded.sim_factors ||
        again.reflection != loaded.reflection) {
        finding("the resolved text loads to a different scenario", loaded.resolved_text.c_str());
    }
    if (again.resolved_text != loaded.resolved_text) {
        finding("to_toml is not a fixed point", loaded.resolved_text.c_str());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        check_round_trip(regiosim::load_scenario_detailed_from_string(text, "fuzz.toml", base_dir));
    } catch (const regiosim::Error&) {
        // DataError / MissingInputError: the expected outcome for most inputs.
    }
    try {
        (void)regiosim::load_reflection_answers_from_string(text, "fuzz.toml");
    } catch (const regiosim::Error&) {
    }
    return 0;
}
