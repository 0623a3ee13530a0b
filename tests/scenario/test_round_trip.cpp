// Scenario → to_toml → load gives the same scenario, for hand-written and random scenarios.

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "regiosim/scenario/loader.hpp"
#include "regiosim/scenario/writer.hpp"
#include "scenario_fixtures.hpp"

using namespace regiosim;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void require_round_trip(const LoadedScenario& original, const std::string& label) {
    const std::string text = to_toml(original);
    INFO(label << "\n" << text.substr(0, 4000));
    LoadedScenario reread;
    try {
        reread = test::load_text(text, "round-trip.toml");
    } catch (const DataError& error) {
        FAIL("written scenario does not load:\n" << error.what());
    }
    REQUIRE(reread.scenario == original.scenario);
    REQUIRE(reread.sim_factors == original.sim_factors);
    REQUIRE(reread.reflection == original.reflection);
    // Writing is a fixed point: the second text equals the first.
    REQUIRE(to_toml(reread) == text);
}

}  // namespace

TEST_CASE("a minimal scenario round-trips and gets every default filled in", "[scenario]") {
    const LoadedScenario loaded = test::load_text(test::minimal_text());
    const Scenario& s = loaded.scenario;
    CHECK(s.name == "minimal");
    CHECK(s.horizon_months == 120);
    CHECK(s.seed == 7);
    REQUIRE(s.partners.size() == 2);
    CHECK(s.partners[0].capacity == ModelParameters{}.initial_capacity_college);
    CHECK(s.partners[1].alignment == ModelParameters{}.initial_alignment_overstijgend);
    CHECK(s.partners[1].commitment == ModelParameters{}.initial_commitment_overstijgend);
    CHECK(s.partners[0].expertise == ModelParameters{}.initial_expertise);
    REQUIRE(s.arms.size() == 1);
    CHECK(s.arms[0].name == "baseline");
    CHECK(loaded.resolved_text == to_toml(loaded));
    require_round_trip(loaded, "minimal");
}

TEST_CASE("the rich test scenario round-trips", "[scenario]") {
    const auto path = test::data_dir() / "rich.toml";
    const LoadedScenario loaded = load_scenario_detailed(path);
    CHECK(loaded.scenario.partners.size() == 3 + 120 + 7);
    CHECK(loaded.sim_factors.has_value());
    CHECK(loaded.reflection.has_value());
    require_round_trip(loaded, path.string());
}

TEST_CASE("to_toml writes every model parameter and only the keys of each kind", "[scenario]") {
    std::string text = test::minimal_text() + R"(
[[interventions]]
kind = "meetings"
meetings_per_year = 6

[[interventions]]
kind = "coordinator"
intensity = 0.9
)";
    const std::string out = to_toml(test::load_text(text));
    std::size_t parameters = 0;
    std::istringstream lines(out);
    bool in_model = false;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("[", 0) == 0) {
            in_model = line.rfind("[model.", 0) == 0;
        } else if (in_model && line.find(" = ") != std::string::npos) {
            ++parameters;
        }
    }
    CHECK(parameters == parameter_table().size());
    const auto meetings = out.find("kind = \"meetings\"");
    const auto coordinator = out.find("kind = \"coordinator\"");
    REQUIRE(meetings != std::string::npos);
    REQUIRE(coordinator != std::string::npos);
    const std::string meetings_block = out.substr(meetings, coordinator - meetings);
    CHECK(meetings_block.find("meetings_per_year = 6.0") != std::string::npos);
    CHECK(meetings_block.find("intensity") == std::string::npos);
    CHECK(meetings_block.find("term_months") == std::string::npos);
    CHECK(out.find("intensity = 0.9", coordinator) != std::string::npos);
}

TEST_CASE("random scenarios round-trip exactly", "[scenario]") {
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        LoadedScenario loaded;
        loaded.scenario = test::random_scenario(seed);
        require_round_trip(loaded, "random scenario " + std::to_string(seed));
    }
}

TEST_CASE("random scenarios with instruments round-trip exactly", "[scenario]") {
    for (std::uint64_t seed = 1000; seed < 1200; ++seed) {
        require_round_trip(test::random_loaded_scenario(seed),
                           "random loaded scenario " + std::to_string(seed));
    }
}

TEST_CASE("seeds beyond TOML's integers are written as strings and read back", "[scenario]") {
    LoadedScenario loaded = test::load_text(test::minimal_text());
    loaded.scenario.seed = 18446744073709551615ULL;
    const std::string text = to_toml(loaded);
    CHECK(text.find("seed = \"18446744073709551615\"") != std::string::npos);
    require_round_trip(loaded, "max seed");
}

TEST_CASE("a written scenario file loads from disk like from text", "[scenario]") {
    const LoadedScenario loaded = test::load_text(test::minimal_text());
    const auto path = std::filesystem::temp_directory_path() / "regiosim-round-trip.toml";
    {
        std::ofstream out(path);
        out << to_toml(loaded);
    }
    CHECK(load_scenario(path) == loaded.scenario);
    CHECK(validate_scenario_file(path).empty());
    CHECK(read_file(path) == loaded.resolved_text);
    std::filesystem::remove(path);
}
