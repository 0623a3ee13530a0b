#include "bench_scenarios.hpp"

#include <filesystem>

#include "regiosim/scenario/loader.hpp"

namespace regiosim::bench {

const Scenario& reference_scenario() {
    static const Scenario scenario =
        load_scenario(std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios" / "reference.toml");
    return scenario;
}

Scenario scaled_reference(int partners, int years) {
    Scenario s = reference_scenario();
    const auto original = s.partners;
    s.partners.clear();
    for (int i = 0; i < partners; ++i) {
        PartnerSpec spec = original[static_cast<std::size_t>(i) % original.size()];
        if (i >= static_cast<int>(original.size())) {
            spec.name += " #" + std::to_string(i);
        }
        s.partners.push_back(spec);
    }
    s.horizon_months = 12 * years;
    return s;
}

}  // namespace regiosim::bench
