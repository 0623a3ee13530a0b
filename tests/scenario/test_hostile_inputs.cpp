// Hostile and broken inputs end in a DataError (or MissingInputError), never in a crash, a hang
// or unbounded memory.

#include <catch2/catch.hpp>
#include <random>

#include "regiosim/scenario/loader.hpp"
#include "regiosim/scenario/reflection_tool.hpp"
#include "scenario_fixtures.hpp"

using namespace regiosim;

namespace {

// Loads text and returns the DataError's diagnostics; fails the test on success or on any
// other exception.
std::vector<Diagnostic> require_data_error(std::string_view text) {
    try {
        (void)test::load_text(text);
    } catch (const DataError& error) {
        REQUIRE_FALSE(error.diagnostics().empty());
        return error.diagnostics();
    }
    FAIL("expected a DataError");
    return {};
}

std::string with_partner_value(std::string_view key, std::string_view value) {
    return test::minimal_text() + std::string(key) + " = " + std::string(value) + "\n";
}

}  // namespace

TEST_CASE("empty and whitespace-only files", "[scenario]") {
    for (const std::string text : {"", "\n\n   \n", "# only a comment\n"}) {
        const auto d = require_data_error(text);
        CHECK(d[0].key_path == "scenario");
        CHECK(d[0].problem == "missing the [scenario] section");
    }
}

TEST_CASE("binary garbage and invalid UTF-8", "[scenario]") {
    std::string garbage;
    std::mt19937_64 engine(1);
    for (int k = 0; k < 4096; ++k) {
        garbage += static_cast<char>(engine() & 0xFFU);
    }
    CHECK_FALSE(require_data_error(garbage).empty());
    CHECK_FALSE(require_data_error(std::string("\0\0\0", 3)).empty());
    CHECK_FALSE(require_data_error("[scenario]\nname = \"\xff\xfe\"\n").empty());
}

TEST_CASE("files over 4 MiB are refused before parsing", "[scenario]") {
    const std::string big(10U * 1024U * 1024U, '#');
    const auto d = require_data_error(big);
    REQUIRE(d.size() == 1);
    CHECK(d[0].problem.find("larger than 4194304 bytes") != std::string::npos);
}

TEST_CASE("deep nesting is refused before toml++ recurses", "[scenario]") {
    SECTION("nested arrays") {
        const std::string text = "x = " + std::string(100000, '[') + std::string(100000, ']');
        CHECK(require_data_error(text)[0].problem.find("nested") != std::string::npos);
    }
    SECTION("dotted keys") {
        std::string text;
        for (int k = 0; k < 200000; ++k) {
            text += "a.";
        }
        text += "a = 1\n";
        CHECK(require_data_error(text)[0].problem.find("nested") != std::string::npos);
    }
    SECTION("table headers") {
        std::string text = "[a";
        for (int k = 0; k < 100000; ++k) {
            text += ".a";
        }
        text += "]\n";
        CHECK(require_data_error(text)[0].problem.find("nested") != std::string::npos);
    }
    SECTION("inline tables") {
        std::string text = "x = ";
        for (int k = 0; k < 10000; ++k) {
            text += "{a.b.c = ";
        }
        text += "1" + std::string(10000, '}');
        CHECK(require_data_error(text)[0].problem.find("nested") != std::string::npos);
    }
    SECTION("dots inside strings and comments do not count") {
        std::string dots(5000, '.');
        const std::string text = test::minimal_text() + "group = \"" + dots + "\" # " + dots +
                                 "\n" + "# '''" + dots + "\n";
        CHECK(test::load_text(text).scenario.partners[1].group == dots);
    }
}

TEST_CASE("non-ASCII text where toml++ 3.3 tests for whitespace", "[scenario]") {
    // toml++ 3.3 reaches TOML_UNREACHABLE for these (marzer/tomlplusplus#190, #295).
    SECTION("outside strings it is an error reported before parsing") {
        for (const std::string text :
             {"é = 1\n", "[scenario]\nname = é\n", "x = 1 é\n", "[a é]\n", "x = \"a\"\xc2\xa7\n"}) {
            INFO(text);
            const auto d = require_data_error(text);
            REQUIRE(d.size() == 1);
            CHECK(d[0].problem.find("outside a string") != std::string::npos);
        }
        const auto d = require_data_error("[scenario]\nname = é\n");
        CHECK(d[0].where.line == 2);
        CHECK(d[0].where.column == 8);
        CHECK(d[0].problem == "`é` (U+00E9) outside a string");
    }
    SECTION("after a line-ending backslash in a multi-line string it is valid and kept") {
        const std::string text = test::minimal_text() +
                                 "group = \"\"\"een \\\n   één\\\n\n"
                                 "\xc2\xa7 \U0001F600\\  \r\n\t😀\"\"\"\n";
        const auto loaded = test::load_text(text);
        CHECK(loaded.scenario.partners[1].group == "een één§ \U0001F600😀");
    }
    SECTION("a quote glued to a token is refused: toml++ would read through it") {
        for (const std::string text :
             {"x = -ameO\"lléén\"\n", "x = 1\"é\"\n", "x = 1.'é'\n", "x = true\"é\"\n",
              "a\"é\" = 1\n", "x = [1]\"é\"\n", "x = \"a\"\"é\"\n"}) {
            INFO(text);
            const auto d = require_data_error(text);
            REQUIRE(d.size() == 1);
            CHECK(d[0].problem.rfind("a quote directly after", 0) == 0);
        }
        const std::string valid = test::minimal_text() +
                                  "group = \"é\"\n[model]\ntrust = {\"build_rate\"=0.2}\n"
                                  "\"initial\".\"expertise\" = 0.3\n";
        const Scenario s = test::load_text(valid).scenario;
        CHECK(s.model.trust_build_rate == 0.2);
        CHECK(s.model.initial_expertise == 0.3);
    }
    SECTION("inputs the fuzzer found") {
        for (const auto& entry :
             std::filesystem::directory_iterator(test::data_dir() / "fuzz-regressions")) {
            INFO(entry.path().string());
            CHECK_THROWS_AS(load_scenario(entry.path()), DataError);
        }
    }
    SECTION("a backslash before a non-ASCII character is an invalid escape") {
        const auto d = require_data_error("x = \"\"\"a\\é\"\"\"\n");
        CHECK(d[0].problem.find("invalid escape sequence") != std::string::npos);
    }
    SECTION("comments, strings and a byte-order mark are fine") {
        const std::string text =
            "\xef\xbb\xbf# één comment\n" + test::minimal_text() + "group = 'ü' # ü\n";
        CHECK(test::load_text(text).scenario.partners[1].group == "ü");
    }
}

TEST_CASE("extreme numbers are range errors, not crashes", "[scenario]") {
    for (const char* value : {"1e308", "-1e308", "nan", "+nan", "-nan", "inf", "-inf", "-0.0", "-0",
                              "9223372036854775807", "-9223372036854775808"}) {
        INFO(value);
        const auto d = require_data_error(with_partner_value("capacity", value));
        REQUIRE(d.size() == 1);
        CHECK(d[0].key_path == "partners[1].capacity");
    }
    CHECK(require_data_error(with_partner_value("join_month", "9223372036854775807"))[0].problem ==
          "9223372036854775807 is out of range");
    CHECK(require_data_error(with_partner_value("join_month", "1e308"))[0].problem ==
          "expected an integer, got a float");
    CHECK(require_data_error(with_partner_value("alignment", "nan"))[0].problem ==
          "nan is not a finite number");
    CHECK(require_data_error(with_partner_value("alignment", "99999999999999999999"))[0]
              .problem.rfind("TOML syntax error", 0) == 0);
    const std::string head = "[scenario]\nname = \"x\"\n";
    CHECK(test::find_diagnostic(require_data_error(head + "seed = -1\n"), "scenario.seed"));
    CHECK(test::find_diagnostic(require_data_error(head + "seed = \"18446744073709551616\"\n"),
                                "scenario.seed"));
    CHECK(test::find_diagnostic(require_data_error(head + "horizon_years = 1e308\n"),
                                "scenario.horizon_years"));
}

TEST_CASE("huge keys, names and lists are reported briefly", "[scenario]") {
    SECTION("a megabyte-long unknown key") {
        const std::string key(1'000'000, 'k');
        const auto d = require_data_error(with_partner_value(key, "1"));
        REQUIRE(d.size() == 1);
        CHECK(d[0].to_string().size() < 2000);
    }
    SECTION("thousands of unknown keys stop after the diagnostic cap") {
        std::string text = test::minimal_text();
        for (int k = 0; k < 5000; ++k) {
            text += "unknown_" + std::to_string(k) + " = 1\n";
        }
        const auto d = require_data_error(text);
        CHECK(d.size() == ScenarioLimits::max_diagnostics + 1);
        CHECK(d.back().problem == "4800 more problems not shown");
    }
    SECTION("more than 10000 partners") {
        std::string text = "[scenario]\nname = \"many\"\n";
        for (int k = 0; k < 10001; ++k) {
            text += "[[partners]]\n";
        }
        const auto d = require_data_error(text);
        REQUIRE(d.size() == 1);
        CHECK(d[0].key_path == "partners");
        CHECK(d[0].problem == "10001 entries is too many");
    }
    SECTION("an enormous array") {
        std::string text = test::minimal_text() + "group = [";
        for (int k = 0; k < 600000; ++k) {
            text += "1,";
        }
        text += "]\n";
        const auto d = require_data_error(text);
        CHECK(d[0].problem.find("more than 500000 values") != std::string::npos);
    }
    SECTION("a name of 300 bytes") {
        const auto d = require_data_error("[scenario]\nname = \"x\"\n[[partners]]\nname = \"" +
                                          std::string(300, 'n') +
                                          "\"\ntype = \"mbo\"\nstyle = \"utilitair\"\n");
        CHECK(d[0].key_path == "partners[0].name");
    }
}

TEST_CASE("wrong shapes of whole sections", "[scenario]") {
    auto reports = [](std::string_view text, std::string_view key_path) {
        const auto d = require_data_error(text);
        INFO(test::describe(d));
        return test::find_diagnostic(d, key_path) != nullptr;
    };
    CHECK(reports("scenario = 3\n", "scenario"));
    CHECK(reports(test::minimal_text() + "[partners2]\n", "partners2"));
    CHECK(reports("[scenario]\nname = \"x\"\npartners = [1, 2]\n", "partners"));
    CHECK(reports("[scenario]\nname = \"x\"\npartners = \"all\"\n", "partners"));
    CHECK(reports(test::minimal_text() + "[model]\ntrust = 0.5\n", "model.trust"));
    CHECK(reports(test::minimal_text() + "[[interventions]]\nkind = \"coordinator\"\ntrigger = 5\n",
                  "interventions[0].trigger"));
    CHECK(require_data_error(test::minimal_text() +
                             "[[interventions]]\nkind = 3\nintensity = \"x\"\n")
              .size() == 1);
    CHECK(reports(test::minimal_text() + "[scenario.x]\n", "scenario.x"));
    CHECK(require_data_error(with_partner_value("kartrekker", "1979-05-27"))[0].problem ==
          "expected a boolean, got a date or time");
}

TEST_CASE("random mutations of a valid file never escape as anything but regiosim errors",
          "[scenario]") {
    const std::string base = test::minimal_text() + R"(
[[partner_groups]]
name = "bedrijf"
type = "company"
count = 12
styles = { defensief = 0.5, utilitair = 0.5 }

[[funding]]
name = "s"
monthly_amount = 5
end_month = 24

[[interventions]]
kind = "execution_team"
leader = "Da Vinci College"
members = ["bedrijf 1"]
funded_by = "s"
trigger = { metric = "mean_trust", below = 0.3 }

[sim_factors]
win_win = true

[[reflection.participants]]
relatie = [3, 3, 2, 3]
)";
    std::mt19937_64 engine(2024);
    const std::string alphabet = "[]{}=\"'.,#\n 0123456789abcxyz-_+eE\\\x01\xc3\xa9";
    int loaded = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        std::string text = base;
        const int edits = static_cast<int>(engine() % 4) + 1;
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = engine() % (text.size() + 1);
            switch (engine() % 3) {
                case 0:
                    text.insert(at, 1, alphabet[engine() % alphabet.size()]);
                    break;
                case 1:
                    if (at < text.size()) {
                        text.erase(at, 1 + engine() % 8);
                    }
                    break;
                default:
                    if (at < text.size()) {
                        text[at] = alphabet[engine() % alphabet.size()];
                    }
                    break;
            }
        }
        try {
            (void)test::load_text(text);
            ++loaded;
        } catch (const DataError& error) {
            REQUIRE_FALSE(error.diagnostics().empty());
        } catch (const MissingInputError&) {
        }
    }
    CHECK(loaded > 0);
}

TEST_CASE("hostile answers files", "[scenario]") {
    CHECK_THROWS_AS(load_reflection_answers_from_string("", "a.toml"), DataError);
    CHECK_THROWS_AS(load_reflection_answers_from_string(std::string(5'000'000, 'x'), "a.toml"),
                    DataError);
    CHECK_THROWS_AS(load_reflection_answers_from_string("[[reflection.participants]]\nrelatie = "
                                                        "[1e308, nan, -0, 3]\n",
                                                        "a.toml"),
                    DataError);
}
