#include "calibration_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "regiosim/analysis/kaplan_meier.hpp"
#include "regiosim/analysis/survival_quantiles.hpp"
#include "regiosim/scenario/loader.hpp"

namespace regiosim::calibration {

namespace {

int alive_after(const ArmOutcomes& o, int months) {
    int alive = 0;
    for (std::size_t r = 0; r < o.size(); ++r) {
        alive += o.months_survived[r] > months || !o.ended[r] ? 1 : 0;
    }
    return alive;
}

}  // namespace

std::string source_file_text(const std::string& relative_path) {
    const auto path = std::filesystem::path(REGIOSIM_SOURCE_DIR) / relative_path;
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Scenario reference_scenario() {
    return load_scenario(std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios/reference.toml");
}

stylized::Effect share_alive_after(const ArmOutcomes& o, int months) {
    return stylized::proportion(alive_after(o, months), static_cast<int>(o.size()));
}

stylized::Effect share_ended_within(const ArmOutcomes& o, int months) {
    const int n = static_cast<int>(o.size());
    return stylized::proportion(n - alive_after(o, months), n);
}

stylized::Effect alive_difference(const ArmOutcomes& a, const ArmOutcomes& b, int months) {
    return stylized::proportion_difference(alive_after(a, months), static_cast<int>(a.size()),
                                           alive_after(b, months), static_cast<int>(b.size()));
}

stylized::Effect median_years(const ArmOutcomes& o) {
    analysis::SurvivalData d;
    for (std::size_t r = 0; r < o.size(); ++r) {
        d.time.push_back(o.months_survived[r]);
        d.event.push_back(o.ended[r]);
    }
    const auto m = analysis::median_survival(analysis::kaplan_meier(d));
    return {m.time / 12.0, m.lower / 12.0, m.upper / 12.0};
}

}  // namespace regiosim::calibration
