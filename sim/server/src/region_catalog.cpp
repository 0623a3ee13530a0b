#include "regiosim/server/region_catalog.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "regiosim/errors/errors.hpp"
#include "regiosim/scenario/loader.hpp"

namespace regiosim::server {

RegionCatalog::RegionCatalog(std::filesystem::path directory) : directory_(std::move(directory)) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(directory_, ec)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".toml") {
            continue;
        }
        try {
            const auto loaded = load_scenario_detailed(entry.path());
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            regions_.push_back({entry.path().stem().string(), loaded.scenario.name,
                                loaded.scenario.description, text.str()});
        } catch (const Error& e) {
            std::cerr << "regiosim serve: leaving out " << entry.path().string() << ": " << e.what()
                      << '\n';
        }
    }
    if (ec) {
        std::cerr << "regiosim serve: cannot list " << directory_.string() << ": " << ec.message()
                  << "; only uploaded scenarios will work\n";
    }
    // The reference region first: it is the default a class starts from.
    std::sort(regions_.begin(), regions_.end(), [](const auto& a, const auto& b) {
        return std::pair(a.id != "reference", a.id) < std::pair(b.id != "reference", b.id);
    });
    for (const auto& r : regions_) {
        extendable_files_.push_back(r.id + ".toml");
    }
}

const ShippedRegion* RegionCatalog::find(const std::string& id) const noexcept {
    const auto it =
        std::find_if(regions_.begin(), regions_.end(), [&](const auto& r) { return r.id == id; });
    return it == regions_.end() ? nullptr : &*it;
}

}  // namespace regiosim::server
