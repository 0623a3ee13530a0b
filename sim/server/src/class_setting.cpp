#include "regiosim/server/class_setting.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "regiosim/core/partner_defaults.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/scenario/writer.hpp"
#include "regiosim/server/echo.hpp"
#include "regiosim/server/json_limits.hpp"
#include "regiosim/server/request_error.hpp"

namespace regiosim::server {

namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& message) {
    throw RequestError(400, message);
}

void require_only(const json& object, std::initializer_list<std::string_view> known,
                  const std::string& where) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            std::string valid;
            for (const auto k : known) {
                valid += (valid.empty() ? "" : ", ") + std::string(k);
            }
            bad(fmt::format("{}: unknown field `{}`; valid: {}", where, echo(key), valid));
        }
    }
}

std::string string_field(const json& object, const char* key, const std::string& where) {
    const auto& v = object.at(key);
    if (!v.is_string()) {
        bad(fmt::format("{}.{} must be a string", where, key));
    }
    return v.get<std::string>();
}

std::int64_t integer_field(const json& object, const char* key, std::int64_t low, std::int64_t high,
                           const std::string& where) {
    const auto& v = object.at(key);
    if (!v.is_number_integer() || v.get<std::int64_t>() < low || v.get<std::int64_t>() > high) {
        bad(fmt::format("{}.{} must be a whole number from {} to {}", where, key, low, high));
    }
    return v.get<std::int64_t>();
}

std::uint64_t seed_field(const json& v) {
    if (v.is_number_unsigned()) {
        return v.get<std::uint64_t>();
    }
    // JavaScript numbers lose digits above 2^53, so links carry large seeds as strings.
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        if (!s.empty() && s.size() <= 20 &&
            std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            try {
                return std::stoull(s);
            } catch (const std::out_of_range&) {
            }
        }
    }
    bad("setting.seed must be a whole number from 0 to 18446744073709551615");
}

/// The loader's diagnostics, each naming its file by name only: a base of a shipped region is
/// read from the server's scenarios folder, whose path is none of the client's business.
std::vector<std::string> diagnostics_of(const DataError& e) {
    std::vector<std::string> out;
    for (auto d : e.diagnostics()) {
        d.where.file = std::filesystem::path(d.where.file).filename().string();
        out.push_back(d.to_string());
    }
    return out;
}

/// Loads a text (an upload, a shipped region or a changed scenario) whose own `extends` may only
/// name a shipped region: decided by the loader on the parsed document, so no spelling of the
/// key (quoted, literal, escaped, dotted, inline) and no decoy comment gets past it.
LoadedScenario load_checked(std::string_view text, const std::string& display_name,
                            const RegionCatalog& catalog, const char* what) {
    try {
        return load_scenario_detailed_from_string(text, display_name, catalog.directory(),
                                                  catalog.extendable_files());
    } catch (const DataError& e) {
        throw RequestError(422, fmt::format("{} is not a valid scenario", what), diagnostics_of(e));
    } catch (const Error& e) {
        // Only a shipped region's own base can be missing here (the folder changed after start);
        // its message holds a server path, so it goes to the log, not to the client.
        std::cerr << "regiosim serve: " << e.what() << '\n';
        throw RequestError(422, fmt::format("{} cannot be loaded on this server", what));
    }
}

void apply_style(PartnerSpec& partner, Style style, const ModelParameters& model) {
    // Alignment and commitment start from the style's defaults; moving them by the difference
    // keeps whatever the file, its SIM factors or the reflection tool added on top.
    const auto shift = [](double value, double from, double to) {
        return std::clamp(value + (to - from), 0.0, 1.0);
    };
    partner.alignment = shift(partner.alignment, default_alignment(partner.style, model),
                              default_alignment(style, model));
    partner.commitment = shift(partner.commitment, default_commitment(partner.style, model),
                               default_commitment(style, model));
    partner.style = style;
}

std::vector<InterventionSpec>* interventions_of(Scenario& scenario, const std::string& arm) {
    if (arm.empty()) {
        return &scenario.interventions;
    }
    for (auto& a : scenario.arms) {
        if (a.name == arm) {
            return &a.interventions;
        }
    }
    return nullptr;
}

}  // namespace

ClassSetting parse_class_setting(std::string_view body, const ServerLimits& limits) {
    check_json_nesting(body, max_json_nesting);
    const json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        bad("the request body is not valid JSON");
    }
    if (!j.is_object()) {
        bad("the request body must be a JSON object (a class setting)");
    }
    require_only(j,
                 {"region", "scenario_text", "styles", "interventions", "seed", "run_index", "arm",
                  "arms", "replications"},
                 "setting");
    ClassSetting s;
    if (j.contains("region")) {
        s.region = string_field(j, "region", "setting");
    }
    if (j.contains("scenario_text")) {
        s.scenario_text = string_field(j, "scenario_text", "setting");
    }
    if (s.region.empty() == s.scenario_text.empty()) {
        bad("setting: give exactly one of `region` (a shipped region) and `scenario_text` (an "
            "uploaded file)");
    }
    if (j.contains("styles")) {
        const auto& styles = j.at("styles");
        if (!styles.is_object()) {
            bad("setting.styles must be an object: partner name → style");
        }
        for (const auto& [name, style] : styles.items()) {
            const auto parsed =
                style.is_string() ? parse_style(style.get<std::string>()) : std::optional<Style>{};
            if (!parsed) {
                bad(
                    fmt::format("setting.styles[\"{}\"]: not a style; valid: defensief, "
                                "utilitair, offensief, overstijgend",
                                echo(name)));
            }
            s.styles[name] = *parsed;
        }
    }
    if (j.contains("interventions")) {
        const auto& list = j.at("interventions");
        if (!list.is_array()) {
            bad("setting.interventions must be a list of {arm, name, enabled, start_month}");
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto where = fmt::format("setting.interventions[{}]", i);
            const auto& item = list[i];
            if (!item.is_object()) {
                bad(where + " must be an object {arm, name, enabled, start_month}");
            }
            require_only(item, {"arm", "name", "enabled", "start_month"}, where);
            if (!item.contains("name")) {
                bad(where + ".name is missing");
            }
            InterventionSwitch sw;
            sw.name = string_field(item, "name", where);
            if (item.contains("arm")) {
                sw.arm = string_field(item, "arm", where);
            }
            if (item.contains("enabled")) {
                if (!item.at("enabled").is_boolean()) {
                    bad(where + ".enabled must be true or false");
                }
                sw.enabled = item.at("enabled").get<bool>();
            }
            if (item.contains("start_month")) {
                sw.start_month = static_cast<int>(
                    integer_field(item, "start_month", 0, limits.max_horizon_months - 1, where));
            }
            s.interventions.push_back(std::move(sw));
        }
    }
    if (j.contains("seed")) {
        s.seed = seed_field(j.at("seed"));
    }
    if (j.contains("run_index")) {
        s.run_index =
            static_cast<std::uint64_t>(integer_field(j, "run_index", 0, 1'000'000'000, "setting"));
    }
    if (j.contains("arm")) {
        s.arm = string_field(j, "arm", "setting");
    }
    if (j.contains("arms")) {
        const auto& arms = j.at("arms");
        if (!arms.is_array() || arms.size() > static_cast<std::size_t>(limits.max_arms)) {
            bad(fmt::format("setting.arms must be a list of at most {} arm names",
                            limits.max_arms));
        }
        for (const auto& a : arms) {
            if (!a.is_string()) {
                bad("setting.arms must hold arm names (strings)");
            }
            auto name = a.get<std::string>();
            if (std::find(s.arms.begin(), s.arms.end(), name) != s.arms.end()) {
                bad(fmt::format("setting.arms names `{}` twice; list each arm once", echo(name)));
            }
            s.arms.push_back(std::move(name));
        }
    }
    if (j.contains("replications")) {
        s.replications = static_cast<int>(
            integer_field(j, "replications", 1, limits.max_replications, "setting"));
    }
    return s;
}

LoadedScenario resolve_setting(const ClassSetting& setting, const RegionCatalog& catalog,
                               const ServerLimits& limits) {
    LoadedScenario loaded;
    if (!setting.region.empty()) {
        const auto* region = catalog.find(setting.region);
        if (region == nullptr) {
            std::string valid;
            for (const auto& r : catalog.regions()) {
                valid += (valid.empty() ? "" : ", ") + r.id;
            }
            throw RequestError(
                404, fmt::format("no shipped region `{}`; valid: {}", echo(setting.region), valid));
        }
        loaded = load_checked(region->text, region->id + ".toml", catalog, "the region");
    } else {
        loaded = load_checked(setting.scenario_text, "upload.toml", catalog, "the uploaded file");
    }

    auto& scenario = loaded.scenario;
    std::vector<std::string> problems;
    if (static_cast<int>(scenario.partners.size()) > limits.max_partners) {
        problems.push_back(fmt::format("partners: {} partners; this server runs at most {}",
                                       scenario.partners.size(), limits.max_partners));
    }
    if (scenario.horizon_months > limits.max_horizon_months) {
        problems.push_back(
            fmt::format("scenario.horizon_years: {} months; this server runs at most "
                        "{} months",
                        scenario.horizon_months, limits.max_horizon_months));
    }
    if (!problems.empty()) {
        throw RequestError(422, "the scenario is larger than this server allows", problems);
    }

    for (const auto& [name, style] : setting.styles) {
        const int index = scenario.partner_index(name);
        if (index < 0) {
            problems.push_back(fmt::format("styles: no partner named `{}`", echo(name)));
            continue;
        }
        apply_style(scenario.partners[static_cast<std::size_t>(index)], style, scenario.model);
    }
    for (const auto& sw : setting.interventions) {
        auto* list = interventions_of(scenario, sw.arm);
        if (list == nullptr) {
            problems.push_back(fmt::format("interventions: no arm named `{}`", echo(sw.arm)));
            continue;
        }
        const auto it = std::find_if(list->begin(), list->end(),
                                     [&](const auto& spec) { return spec.name == sw.name; });
        if (it == list->end()) {
            problems.push_back(fmt::format("interventions: {} has no intervention named `{}`",
                                           sw.arm.empty() ? "the scenario" : "arm " + sw.arm,
                                           echo(sw.name)));
            continue;
        }
        if (sw.start_month) {
            it->start_month = *sw.start_month;
        }
        if (!sw.enabled) {
            list->erase(it);
        }
    }
    if (!problems.empty()) {
        throw RequestError(422, "the setting does not fit the scenario", problems);
    }
    // The changed scenario goes through the loader again: it checks every change (a start month
    // past the horizon, a team leader that no longer fits) exactly as it checks a file.
    auto text = to_toml(loaded);
    auto checked = load_checked(text, scenario.name + ".toml", catalog, "the changed scenario");
    return checked;
}

}  // namespace regiosim::server
