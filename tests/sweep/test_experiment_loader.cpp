// Experiment files: every shipped one loads; every kind of mistake is reported with file, line,
// key and what would be valid, all in one pass.
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
