// `extends`: overlay of a derived file on its base, merging named lists, removing entries,
// chains, cycles, and diagnostics that still point at the file a key was written in.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "regiosim/scenario/loader.hpp"
#include "regiosim/scenario/writer.hpp"
#include "scenario_fixtures.hpp"

using namespace regiosim;

namespace {

std::filesystem::path extends_dir() {
    return test::data_dir() / "extends";
}

std::vector<Diagnostic> file_diagnostics(const std::filesystem::path& path) {
    try {
        (void)load_scenario(path);
    } catch (const DataError& error) {
        return error.diagnostics();
    }
    return {};
}

}  // namespace

TEST_CASE("a derived scenario overrides, merges, removes and appends", "[scenario]") {
    const Scenario s = load_scenario(extends_dir() / "derived.toml");
    CHECK(s.name == "derived");
    CHECK(s.description == "the base region");
    CHECK(s.horizon_months == 120);
    CHECK(s.context.urgency == 0.5);
    CHECK_FALSE(s.context.money_settled);
    CHECK(s.model.trust_build_rate == 0.11);
    CHECK(s.model.trust_initial == 0.4);

    REQUIRE(s.partners.size() == 3);
    CHECK(s.partners[0].name == "School A");
    CHECK(s.partners[1].name == "School B");
    CHECK(s.partners[1].style == Style::defensief);  // from the base entry
    CHECK(s.partners[1].commitment == 0.6);          // from the derived entry
    CHECK(s.partners[2].name == "Bedrijf");
    CHECK(s.partner_index("Gemeente") == -1);

    REQUIRE(s.interventions.size() == 1);
    CHECK(s.interventions[0].kind == InterventionKind::covenant);
    CHECK(s.interventions[0].term_months == 24);
    CHECK_FALSE(s.interventions[0].renew);

    REQUIRE(s.arms.size() == 2);
    CHECK(s.arms[0].name == "baseline");
    CHECK(s.arms[1].name == "coordinator");
    REQUIRE(s.arms[1].interventions.size() == 1);
    CHECK(s.arms[1].interventions[0].intensity == 0.9);
}

TEST_CASE("extends chains and removes whole arms", "[scenario]") {
    const Scenario s = load_scenario(extends_dir() / "grandchild.toml");
    CHECK(s.name == "grandchild");
    CHECK(s.horizon_months == 60);
    CHECK(s.partners.size() == 3);
    REQUIRE(s.arms.size() == 1);
    CHECK(s.arms[0].name == "baseline");
}

TEST_CASE("the derived scenario's to_toml needs no base", "[scenario]") {
    const LoadedScenario loaded = load_scenario_detailed(extends_dir() / "derived.toml");
    CHECK(loaded.resolved_text.find("extends") == std::string::npos);
    CHECK(test::load_text(loaded.resolved_text).scenario == loaded.scenario);
}

TEST_CASE("diagnostics point at the file where each key was written", "[scenario]") {
    const auto d = file_diagnostics(extends_dir() / "derived_errors.toml");
    INFO(test::describe(d));
    REQUIRE(d.size() == 3);
    const Diagnostic* style = test::find_diagnostic(d, "partners[0].style");
    REQUIRE(style != nullptr);
    CHECK(style->where.file.ends_with("base_errors.toml"));
    CHECK(style->where.line == 8);
    const Diagnostic* alignment = test::find_diagnostic(d, "partners[0].alignment");
    REQUIRE(alignment != nullptr);
    CHECK(alignment->where.file.ends_with("derived_errors.toml"));
    CHECK(alignment->where.line == 7);
    const Diagnostic* remove = test::find_diagnostic(d, "partners[1]");
    REQUIRE(remove != nullptr);
    CHECK(remove->where.file.ends_with("derived_errors.toml"));
    CHECK(remove->where.line == 9);
    CHECK(remove->problem.find("cannot remove `Nobody`") != std::string::npos);
}

TEST_CASE("a cycle of extends is an error naming the chain", "[scenario]") {
    const auto d = file_diagnostics(extends_dir() / "cycle_a.toml");
    INFO(test::describe(d));
    REQUIRE_FALSE(d.empty());
    CHECK(d[0].key_path == "scenario.extends");
    CHECK(d[0].problem.find("cycle: cycle_a.toml → cycle_b.toml → cycle_a.toml") !=
          std::string::npos);
}

TEST_CASE("a missing base is a MissingInputError naming where it was asked for", "[scenario]") {
    try {
        (void)load_scenario(extends_dir() / "missing_base.toml");
        FAIL("expected MissingInputError");
    } catch (const MissingInputError& error) {
        CHECK(error.exit_code() == ExitCode::no_input);
        const std::string message = error.what();
        CHECK(message.find("missing_base.toml:2:11: scenario.extends") != std::string::npos);
        CHECK(message.find("no-such-base.toml") != std::string::npos);
    }
}

TEST_CASE("extends must name a .toml file and chains stop after 8 bases", "[scenario]") {
    const std::string minimal = test::minimal_text();
    SECTION("not a .toml file") {
        for (const std::string name : {"/dev/zero", "/dev/stdin\\u0000.toml", "", ".toml/"}) {
            const auto d =
                test::diagnostics_of("[scenario]\nextends = \"" + name + "\"\nname = \"x\"\n");
            INFO(name);
            REQUIRE(d.size() == 1);
            CHECK(d[0].key_path == "scenario.extends");
        }
        CHECK_THROWS_AS(test::load_text("[scenario]\nextends = \"/\"\nname = \"x\"\n"), DataError);
        CHECK_THROWS_AS(test::load_text("[scenario]\nextends = \"extends\"\nname = \"x\"\n"),
                        DataError);
        CHECK_THROWS_AS(test::load_text("[scenario]\nextends = \"extends.toml\"\nname = \"x\"\n"),
                        MissingInputError);  // a directory named like a base file
    }
    SECTION("depth") {
        const auto dir = std::filesystem::temp_directory_path() / "regiosim-extends-chain";
        std::filesystem::create_directories(dir);
        for (int k = 0; k <= 9; ++k) {
            std::ofstream out(dir / fmt::format("chain{}.toml", k));
            if (k < 9) {
                out << fmt::format("[scenario]\nextends = \"chain{}.toml\"\nname = \"c{}\"\n",
                                   k + 1, k);
            } else {
                out << minimal;
            }
        }
        CHECK(load_scenario(dir / "chain1.toml").name == "c1");  // 8 bases
        const auto d = file_diagnostics(dir / "chain0.toml");    // 9 bases
        INFO(test::describe(d));
        REQUIRE(d.size() == 1);
        CHECK(d[0].problem.find("more than 8 files extend each other") != std::string::npos);
        std::filesystem::remove_all(dir);
    }
}

TEST_CASE("`remove` outside a derived file is an error", "[scenario]") {
    const auto d = test::diagnostics_of(test::minimal_text() + "remove = true\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].key_path == "partners[1].remove");
    CHECK(d[0].problem == "`remove` only applies in a file that extends another");
}

TEST_CASE("extends from a string resolves against the base directory", "[scenario]") {
    const Scenario s = load_scenario_from_string(
        "[scenario]\nextends = \"base.toml\"\nname = \"from-text\"\n", "text.toml", extends_dir());
    CHECK(s.name == "from-text");
    CHECK(s.partners.size() == 3);
}

TEST_CASE("merging long lists stays fast", "[scenario]") {
    const auto dir = std::filesystem::temp_directory_path() / "regiosim-extends-long";
    std::filesystem::create_directories(dir);
    {
        std::ofstream base(dir / "long_base.toml");
        base << "[scenario]\nname = \"long\"\n";
        for (int k = 0; k < 9000; ++k) {
            base << "[[partners]]\nname = \"p" << k
                 << "\"\ntype = \"company\"\nstyle = \"utilitair\"\n";
        }
        std::ofstream derived(dir / "long_derived.toml");
        derived << "[scenario]\nextends = \"long_base.toml\"\nname = \"long2\"\n";
        for (int k = 0; k < 9000; ++k) {
            derived << "[[partners]]\nname = \"p" << k << "\"\n"
                    << (k % 2 == 0 ? "remove = true\n" : "commitment = 0.5\n");
        }
    }
    const Scenario s = load_scenario(dir / "long_derived.toml");
    REQUIRE(s.partners.size() == 4500);
    CHECK(s.partners[0].name == "p1");
    CHECK(s.partners[0].commitment == 0.5);
    std::filesystem::remove_all(dir);
}
