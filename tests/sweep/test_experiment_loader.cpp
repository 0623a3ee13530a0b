// Experiment files: every shipped one loads; every kind of mistake is reported with file, line,
// key and what would be valid, all in one pass.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "regiosim/scenario/experiment_spec.hpp"
#include "sweep_fixtures.hpp"

namespace regiosim {

namespace {

std::string all_messages(const std::filesystem::path& file) {
    try {
        (void)load_experiment(file);
    } catch (const DataError& e) {
        std::string text;
        for (const auto& d : e.diagnostics()) {
            text += d.to_string() + "\n";
        }
        return text;
    }
    return "";
}

// Every diagnostic of `text`, written as `name`.toml into a fresh folder.
std::string messages_of(const std::string& name, const std::string& text) {
    return all_messages(test::write_file(test::scratch_folder(name), name + ".toml", text));
}

}  // namespace

TEST_CASE("every shipped experiment loads and asks for the runs it says", "[experiment]") {
    namespace fs = std::filesystem;
    int count = 0;
    for (const auto& entry :
         fs::directory_iterator(fs::path(REGIOSIM_SOURCE_DIR) / "scenarios/experiments")) {
        if (entry.path().extension() != ".toml") {
            continue;
        }
        INFO(entry.path());
        const auto loaded = load_experiment(entry.path());
        CHECK(design_point_count(loaded.spec) >= 1);
        CHECK_FALSE(loaded.spec.arms.empty());
        ++count;
    }
    // One experiment per design kind.
    CHECK(count >= static_cast<int>(design_kind_names.size()));
}

TEST_CASE("a misspelt factor key gets the scenario's did-you-mean at the factor's line",
          "[experiment]") {
    const std::string messages = messages_of(
        "bad", test::small_experiment("bad", "latin_hypercube", 2,
                                      "[design]\npoints = 4\n[[factors]]\n"
                                      "key = \"model.trust.bild_rate\"\nmin = 0.05\nmax = 0.2\n"));
    INFO(messages);
    CHECK_THAT(messages, Catch::Contains("bad.toml:11:"));
    CHECK_THAT(messages, Catch::Contains("model.trust.bild_rate"));
    CHECK_THAT(messages, Catch::Contains("build_rate"));
}

TEST_CASE("a factor range outside the parameter's valid range names the bound", "[experiment]") {
    const std::string messages = messages_of(
        "range",
        test::small_experiment("range", "latin_hypercube", 2,
                               "[design]\npoints = 4\n[[factors]]\n"
                               "key = \"model.trust.build_rate\"\nmin = 0.05\nmax = 7.0\n"));
    INFO(messages);
    CHECK_THAT(messages, Catch::Contains("model.trust.build_rate"));
    CHECK_THAT(messages, Catch::Contains("out of range"));
    CHECK_THAT(messages, Catch::Contains("valid: 0 to 1"));
}

TEST_CASE("all problems of an experiment file are reported together", "[experiment]") {
    const std::string messages = messages_of(
        "many", test::small_experiment(
                    "many", "morris", 0,
                    "colour = \"blue\"\n[design]\nlevels = 5\n"
                    "[[factors]]\nkey = \"model.trust.build_rate\"\nmin = 0.3\nmax = 0.1\n"));
    INFO(messages);
    CHECK_THAT(messages, Catch::Contains("experiment.replications"));  // 0 replications
    CHECK_THAT(messages, Catch::Contains("colour"));                   // unknown key
    CHECK_THAT(messages, Catch::Contains("design.trajectories"));      // morris needs it
    CHECK_THAT(messages, Catch::Contains("odd"));                      // 5 levels
    CHECK_THAT(messages, Catch::Contains("min 0.3 is not below max 0.1"));
}

TEST_CASE("an unknown arm lists the scenario's arms", "[experiment]") {
    const auto folder = test::scratch_folder("experiment-arm");
    std::string text = test::small_experiment("arm", "replications", 3, "");
    text.replace(text.find("\"coordinator\""), 13, "\"coordinatr\"");
    const auto file = test::write_file(folder, "arm.toml", text);
    const std::string messages = all_messages(file);
    INFO(messages);
    CHECK_THAT(messages, Catch::Contains("experiment.arms[1]"));
    CHECK_THAT(messages, Catch::Contains("valid arms: baseline"));
}

TEST_CASE("a sweep too large to run is refused before it starts", "[experiment]") {
    const std::string messages = messages_of(
        "huge",
        test::small_experiment("huge", "full_factorial", 1000000,
                               "[[factors]]\nkey = \"model.trust.build_rate\"\nmin = 0.05\n"
                               "max = 0.2\nlevels = 1000\n"
                               "[[factors]]\nkey = \"model.trust.erosion_rate\"\nmin = 0.1\n"
                               "max = 0.4\nlevels = 1000\n"));
    INFO(messages);
    CHECK_THAT(messages, Catch::Contains("runs"));
    CHECK_THAT(messages, Catch::Contains("at most"));
}

TEST_CASE("an experiment name that is not a plain file name is refused at its position",
          "[experiment]") {
    // results/<name>.h5: `../../x` would write outside results/ and create folders there.
    for (const std::string bad : {"../../x", "a/b", ".", ""}) {
        INFO(bad);
        const std::string messages =
            messages_of("experiment-name", test::small_experiment(bad, "replications", 2, ""));
        INFO(messages);
        if (bad.empty()) {
            CHECK_THAT(messages, Catch::Contains("experiment-name.toml:2:8: experiment.name"));
            continue;
        }
        CHECK_THAT(messages, Catch::Contains("experiment-name.toml:2:8: experiment.name: "));
        CHECK_THAT(messages, Catch::Contains("is not a valid experiment name"));
        CHECK_THAT(messages, Catch::Contains("letters, digits, `_` and `-`"));
    }
}

TEST_CASE("a factor name that is not a dataset name is refused; key paths stay valid names",
          "[experiment]") {
    const auto factor = [](const std::string& name_line) {
        return test::small_experiment("factor-name", "latin_hypercube", 2,
                                      "[design]\npoints = 4\n[[factors]]\n"
                                      "key = \"model.trust.build_rate\"\n" +
                                          name_line + "min = 0.05\nmax = 0.2\n");
    };
    for (const std::string bad : {"../a/b", ".", "x/y", "..", "[0]"}) {
        INFO(bad);
        const std::string messages = messages_of("factor-name", factor("name = \"" + bad + "\"\n"));
        INFO(messages);
        CHECK_THAT(messages, Catch::Contains("factor-name.toml:12:8: factors[0].name: "));
        CHECK_THAT(messages, Catch::Contains("is not a valid factor name"));
    }
    // The default name is the key path, dots and all; so is a name such as `partners[3].x`.
    CHECK(messages_of("factor-name", factor("")).empty());
    CHECK(messages_of("factor-name", factor("name = \"partners[3].alignment_2\"\n")).empty());
}

TEST_CASE("a design whose run count overflows says it asks for more than the limit",
          "[experiment]") {
    // 1000^4 design points overflow the point count: it once printed "asks for -2e+06 runs".
    std::string factors;
    for (const char* key : {"build_rate", "erosion_rate", "observation_rate", "fade"}) {
        factors += fmt::format(
            "[[factors]]\nkey = \"model.trust.{}\"\nmin = 0.01\nmax = 0.02\n"
            "levels = 1000\n",
            key);
    }
    const std::string messages = messages_of(
        "overflow", test::small_experiment("overflow", "full_factorial", 1000000, factors));
    INFO(messages);
    CHECK_THAT(messages, Catch::Contains("the design asks for more than 2000000000 runs"));
    CHECK_THAT(messages, Catch::Contains("valid: at most 2000000000 runs"));
    CHECK_THAT(messages, !Catch::Contains("asks for -"));
}

TEST_CASE("a run count above the limit is printed exactly", "[experiment]") {
    const std::string messages =
        messages_of("exact", test::small_experiment("exact", "latin_hypercube", 10000000,
                                                    "[design]\npoints = 1000\n[[factors]]\n"
                                                    "key = \"model.trust.build_rate\"\nmin = 0.05\n"
                                                    "max = 0.2\n"));
    INFO(messages);
    CHECK_THAT(messages, Catch::Contains("the design asks for 20000000000 runs"));
}

TEST_CASE("a missing scenario file is a missing input naming the experiment key", "[experiment]") {
    const auto folder = test::scratch_folder("experiment-missing");
    const auto file = test::write_file(folder, "missing.toml",
                                       "[experiment]\nname = \"m\"\nscenario = \"nowhere.toml\"\n"
                                       "design = \"replications\"\n");
    try {
        (void)load_experiment(file);
        FAIL("no error");
    } catch (const MissingInputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("experiment.scenario"));
        CHECK_THAT(e.what(), Catch::Contains("nowhere.toml"));
    }
}

}  // namespace regiosim
