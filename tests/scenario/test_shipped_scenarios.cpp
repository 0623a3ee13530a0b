// Every scenario file shipped under scenarios/ loads, and round-trips through to_toml; every
// answers file under scenarios/instruments/ loads.

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "regiosim/scenario/loader.hpp"
#include "regiosim/scenario/reflection_tool.hpp"
#include "regiosim/scenario/writer.hpp"
#include "scenario_fixtures.hpp"

using namespace regiosim;

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> shipped_toml_files() {
    std::vector<fs::path> files;
    const fs::path root = fs::path(REGIOSIM_SOURCE_DIR) / "scenarios";
    if (!fs::exists(root)) {
        return files;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && entry.path().extension() == ".toml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// A scenario file has a top-level [scenario] table; experiment designs and answers files do not.
bool is_scenario_file(const std::string& text) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("[scenario]", 0) == 0) {
            return true;
        }
    }
    return false;
}

bool is_answers_file(const std::string& text) {
    return text.find("[[reflection.participants]]") != std::string::npos;
}

}  // namespace

TEST_CASE("shipped scenarios load and round-trip", "[scenario]") {
    int scenarios = 0;
    for (const auto& path : shipped_toml_files()) {
        const std::string text = read_file(path);
        if (!is_scenario_file(text)) {
            continue;
        }
        ++scenarios;
        INFO(path.string());
        LoadedScenario loaded;
        try {
            loaded = load_scenario_detailed(path);
        } catch (const DataError& error) {
            FAIL(error.what());
        }
        const LoadedScenario reread = test::load_text(loaded.resolved_text, path.string());
        CHECK(reread.scenario == loaded.scenario);
        CHECK(reread.sim_factors == loaded.sim_factors);
        CHECK(reread.reflection == loaded.reflection);
        CHECK(to_toml(reread) == loaded.resolved_text);
    }
    if (scenarios == 0) {
        WARN("no scenario files under scenarios/ yet");
    }
}

TEST_CASE("shipped answers files load", "[scenario]") {
    int answers = 0;
    for (const auto& path : shipped_toml_files()) {
        const std::string text = read_file(path);
        if (is_scenario_file(text) || !is_answers_file(text)) {
            continue;
        }
        ++answers;
        INFO(path.string());
        const ReflectionScores scores = load_reflection_answers(path);
        CHECK_FALSE(scores.participants.empty());
        CHECK_FALSE(reflect_report(scores, ModelParameters{}).empty());
    }
    CHECK(answers >= 1);
}
