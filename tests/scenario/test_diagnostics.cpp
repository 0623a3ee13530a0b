// Every kind of problem is reported with the exact key path, file, line and column, all of them
// in one pass, with a suggestion where one is close.

#include <catch2/catch.hpp>

#include "regiosim/scenario/loader.hpp"
#include "scenario_fixtures.hpp"

using namespace regiosim;

namespace {

// Requires a diagnostic at `key_path` on `line` whose problem contains `problem_part`.
void require_diagnostic(const std::vector<Diagnostic>& diagnostics, std::string_view key_path,
                        int line, std::string_view problem_part) {
    INFO(test::describe(diagnostics));
    const Diagnostic* d = test::find_diagnostic(diagnostics, key_path);
    REQUIRE(d != nullptr);
    CHECK(d->where.file == "test.toml");
    CHECK(d->where.line == line);
    CHECK(d->where.column > 0);
    CHECK(d->problem.find(problem_part) != std::string::npos);
    CHECK_FALSE(d->valid.empty());
}

const std::string header = R"([scenario]
name = "diag"

[[partners]]
name = "A"
type = "mbo"
style = "utilitair"
)";  // 7 lines: what tests append starts at line 8

}  // namespace

TEST_CASE("a DataError carries exit code 65 and the file:line:column format", "[scenario]") {
    const std::string text = header + "alignment = 1.5\n";
    try {
        (void)test::load_text(text);
        FAIL("expected a DataError");
    } catch (const DataError& error) {
        CHECK(error.exit_code() == ExitCode::data);
        CHECK(static_cast<int>(error.exit_code()) == 65);
        REQUIRE(error.diagnostics().size() == 1);
        CHECK(error.diagnostics()[0].to_string() ==
              "test.toml:8:13: partners[0].alignment: 1.5 is out of range; valid: 0 to 1 "
              "(alignment with the joint goal)");
    }
}

TEST_CASE("five problems give five diagnostics in one pass, in file order", "[scenario]") {
    const std::string text = R"([scenario]
name = "five problems"
horizon_years = 10
replications = 0

[[partners]]
name = "A"
type = "mbo"
style = "defensive"
capacity = -1

[[interventions]]
kind = "coordinator"
start_month = 130
)";
    const auto d = test::diagnostics_of(text);
    INFO(test::describe(d));
    REQUIRE(d.size() == 5);
    CHECK(d[0].key_path == "scenario.name");
    CHECK(d[0].where.line == 2);
    CHECK(d[1].key_path == "scenario.replications");
    CHECK(d[1].where.line == 4);
    CHECK(d[2].key_path == "partners[0].style");
    CHECK(d[2].where.line == 9);
    CHECK(d[2].problem == "unknown style `defensive` (did you mean `defensief`?)");
    CHECK(d[2].valid == "valid: defensief, utilitair, offensief, overstijgend");
    CHECK(d[3].key_path == "partners[0].capacity");
    CHECK(d[3].where.line == 10);
    CHECK(d[4].key_path == "interventions[0].start_month");
    CHECK(d[4].where.line == 14);
    CHECK(d[4].problem == "starts at month 130, at or after the horizon (120 months)");
}

TEST_CASE("unknown keys are reported with a did-you-mean suggestion", "[scenario]") {
    const std::string text = header + "kartreker = true\n" + R"(
[[interventions]]
kind = "coordinator"
intesity = 0.5

[contxt]
urgency = 0.2
)";
    const auto d = test::diagnostics_of(text);
    require_diagnostic(d, "partners[0].kartreker", 8, "did you mean `kartrekker`?");
    require_diagnostic(d, "interventions[0].intesity", 12, "did you mean `intensity`?");
    require_diagnostic(d, "contxt", 14, "did you mean `context`?");
    CHECK(test::find_diagnostic(d, "contxt")->valid.find("scenario, context, model") !=
          std::string::npos);
}

TEST_CASE("wrong types name what was expected and what was found", "[scenario]") {
    const std::string text = header + R"(commitment = "high"
join_month = 1.5
kartrekker = 1
name2 = 3
)";
    const auto d = test::diagnostics_of(text);
    require_diagnostic(d, "partners[0].commitment", 8, "expected a number, got a string");
    require_diagnostic(d, "partners[0].join_month", 9, "expected an integer, got a float");
    require_diagnostic(d, "partners[0].kartrekker", 10, "expected a boolean, got an integer");
    require_diagnostic(d, "partners[0].name2", 11, "unknown key `name2`");
}

TEST_CASE("model parameters are checked against the registry", "[scenario]") {
    const std::string text = header + R"(
[model.trust]
build_rate = 1.5
erosion_rat = 0.2
[model.trsut]
initial = 0.3
[model.commitment]
initial_expertise = 0.1
)";
    const auto d = test::diagnostics_of(text);
    require_diagnostic(d, "model.trust.build_rate", 10, "1.5 is out of range");
    CHECK(test::find_diagnostic(d, "model.trust.build_rate")->valid ==
          "valid: 0 to 1 (1/observation)");
    require_diagnostic(d, "model.trust.erosion_rat", 11, "did you mean `erosion_rate`?");
    require_diagnostic(d, "model.trsut", 12, "did you mean `trust`?");
    require_diagnostic(d, "model.commitment.initial_expertise", 15, "unknown model parameter");
    CHECK(d.size() == 4);
}

TEST_CASE("a parameter written with its full key as one name gets a hint", "[scenario]") {
    const auto d = test::diagnostics_of(header + "[model]\n\"trust.build_rate\" = 0.2\n");
    require_diagnostic(d, "model.trust.build_rate", 9, "write it as [model.trust] build_rate");
}

TEST_CASE("enum values list the valid names", "[scenario]") {
    const std::string text = header + R"(
[[partners]]
name = "B"
type = "school"
style = "Utilitair"

[[interventions]]
kind = "convenant"
)";
    const auto d = test::diagnostics_of(text);
    require_diagnostic(d, "partners[1].type", 11, "unknown partner type `school`");
    CHECK(test::find_diagnostic(d, "partners[1].type")->valid.find("vo_school, vmbo_school") !=
          std::string::npos);
    require_diagnostic(d, "partners[1].style", 12, "did you mean `utilitair`?");
    require_diagnostic(d, "interventions[0].kind", 15, "did you mean `covenant`?");
}

TEST_CASE("kind-specific keys on another kind are errors", "[scenario]") {
    const std::string text = header + R"(
[[interventions]]
kind = "meetings"
intensity = 0.9
term_months = 12
meetings_per_year = 6
)";
    const auto d = test::diagnostics_of(text);
    require_diagnostic(d, "interventions[0].intensity", 11,
                       "`intensity` applies to kind coordinator only");
    require_diagnostic(d, "interventions[0].term_months", 12,
                       "`term_months` applies to kind covenant only");
    CHECK(test::find_diagnostic(d, "interventions[0].intensity")->valid ==
          "valid keys for kind `meetings`: name, kind, start_month, duration_months, "
          "yearly_cost, one_off_cost, trigger, meetings_per_year");
    CHECK(d.size() == 2);
}

TEST_CASE("references to partners and funding streams must exist", "[scenario]") {
    const std::string text = header + R"(
[[funding]]
name = "pilot subsidy"
monthly_amount = 10

[[arms]]
name = "team"
[[arms.interventions]]
kind = "execution_team"
leader = "a"
members = ["A", "Z"]
funded_by = "pilot subsidie"
)";
    const auto d = test::diagnostics_of(text);
    require_diagnostic(d, "arms[0].interventions[0].leader", 17, "no partner is named `a`");
    CHECK(test::find_diagnostic(d, "arms[0].interventions[0].leader")
              ->problem.find("did you mean `A`?") != std::string::npos);
    require_diagnostic(d, "arms[0].interventions[0].members[1]", 18, "no partner is named `Z`");
    require_diagnostic(d, "arms[0].interventions[0].funded_by", 19,
                       "did you mean `pilot subsidy`?");
    CHECK(d.size() == 3);
}

TEST_CASE("cross-field problems: horizon, duplicates, funding end, empty region", "[scenario]") {
    SECTION("both horizon keys") {
        const auto d = test::diagnostics_of(
            "[scenario]\nname = \"x\"\nhorizon_years = 10\nhorizon_months = 120\n"
            "[[partners]]\nname = \"A\"\ntype = \"mbo\"\nstyle = \"utilitair\"\n");
        require_diagnostic(d, "scenario.horizon_months", 4,
                           "both horizon_years and horizon_months");
    }
    SECTION("duplicate names") {
        const auto d = test::diagnostics_of(header + R"(
[[partners]]
name = "A"
type = "hbo"
style = "offensief"

[[interventions]]
kind = "covenant"
[[interventions]]
kind = "covenant"
start_month = 12
)");
        require_diagnostic(d, "partners[1].name", 10, "`A` is already the name of partners[0]");
        require_diagnostic(d, "interventions[1].name", 16, "already the name of interventions[0]");
    }
    SECTION("an arm intervention may not reuse a name present in every arm") {
        const auto d = test::diagnostics_of(header + R"(
[[interventions]]
kind = "covenant"
[[arms]]
name = "renewal"
[[arms.interventions]]
kind = "covenant"
)");
        require_diagnostic(d, "arms[0].interventions[0].name", 13, "which is in every arm");
    }
    SECTION("funding that ends before it starts") {
        const auto d = test::diagnostics_of(header + R"(
[[funding]]
name = "f"
monthly_amount = 1
start_month = 24
end_month = 24
)");
        require_diagnostic(d, "funding[0].end_month", 13, "not after its start");
    }
    SECTION("a region without partners") {
        const auto d = test::diagnostics_of("[scenario]\nname = \"empty\"\n");
        REQUIRE(d.size() == 1);
        CHECK(d[0].key_path == "partners");
        CHECK(d[0].problem == "the region has no partners");
    }
    SECTION("join_month at the horizon") {
        const auto d = test::diagnostics_of(
            "[scenario]\nname = \"x\"\nhorizon_years = 5\n"
            "[[partners]]\nname = \"A\"\ntype = \"mbo\"\nstyle = \"utilitair\"\njoin_month = 60\n");
        require_diagnostic(d, "partners[0].join_month", 8, "60 is out of range");
    }
    SECTION("trigger with both thresholds") {
        const auto d = test::diagnostics_of(
            header +
            "[[interventions]]\nkind = \"meetings\"\n"
            "trigger = { metric = \"mean_trust\", below = 0.3, above = 0.8 }\n");
        require_diagnostic(d, "interventions[0].trigger.above", 10, "both `below` and `above`");
    }
    SECTION("missing required keys") {
        const auto d =
            test::diagnostics_of("[scenario]\nname = \"x\"\n[[partners]]\ntype = \"mbo\"\n");
        require_diagnostic(d, "partners[0].name", 3, "missing required key `name`");
        require_diagnostic(d, "partners[0].style", 3, "missing required key `style`");
    }
}

TEST_CASE("a TOML syntax error is reported as one diagnostic at its position", "[scenario]") {
    const auto d = test::diagnostics_of("[scenario]\nname = \"x\"\nseed = = 3\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].where.line == 3);
    CHECK(d[0].problem.rfind("TOML syntax error", 0) == 0);
}

TEST_CASE("validate_scenario_file returns the diagnostics instead of throwing", "[scenario]") {
    CHECK(validate_scenario_file(test::data_dir() / "rich.toml").empty());
    const auto d = validate_scenario_file(test::data_dir() / "invalid.toml");
    REQUIRE(d.size() == 2);
    CHECK(d[0].where.file.find("invalid.toml") != std::string::npos);
    CHECK(d[0].key_path == "partners[0].style");
    CHECK(d[1].key_path == "partners[0].commitment");
    CHECK_THROWS_AS(validate_scenario_file(test::data_dir() / "does-not-exist.toml"),
                    MissingInputError);
}
