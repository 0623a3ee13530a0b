#include "regiosim/server/json_views.hpp"

#include <cmath>

#include "regiosim/analyze/what_if_json.hpp"
#include "regiosim/results/run_json.hpp"
#include "regiosim/results/story.hpp"

namespace regiosim::server {

namespace {

using nlohmann::json;

json rounded(double v) {
    return std::isfinite(v) ? json(std::round(v * 1000.0) / 1000.0) : json(nullptr);
}

json interventions_json(const std::vector<InterventionSpec>& list) {
    auto out = json::array();
    for (const auto& spec : list) {
        json item{{"name", spec.name},
                  {"kind", std::string(to_string(spec.kind))},
                  {"start_month", spec.start_month},
                  {"duration_months", spec.duration_months},
                  {"yearly_cost_keur", spec.yearly_cost},
                  {"one_off_cost_keur", spec.one_off_cost},
                  {"triggered", spec.trigger.has_value()}};
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

json regions_json(const RegionCatalog& catalog) {
    auto out = json::array();
    for (const auto& r : catalog.regions()) {
        out.push_back({{"id", r.id}, {"name", r.name}, {"description", r.description}});
    }
    return out;
}

json scenario_json(const LoadedScenario& loaded) {
    const auto& s = loaded.scenario;
    auto partners = json::array();
    for (const auto& p : s.partners) {
        partners.push_back({{"name", p.name},
                            {"type", std::string(to_string(p.type))},
                            {"style", std::string(to_string(p.style))},
                            {"group", p.group},
                            {"kartrekker", p.kartrekker},
                            {"join_month", p.join_month}});
    }
    auto arms = json::array();
    for (const auto& a : s.arms) {
        arms.push_back({{"name", a.name},
                        {"description", a.description},
                        {"interventions", interventions_json(a.interventions)}});
    }
    return {{"name", s.name},
            {"description", s.description},
            {"horizon_months", s.horizon_months},
            {"seed", s.seed},
            {"replications", s.replications},
            {"partners", partners},
            {"interventions", interventions_json(s.interventions)},
            {"arms", arms},
            {"toml", loaded.resolved_text}};
}

json run_json(const RunRecording& rec, const Scenario& scenario) {
    const Arm* arm = scenario.find_arm(rec.arm);
    json series{{"month", json::array()},
                {"active_partners", json::array()},
                {"mean_trust", json::array()},
                {"mean_commitment", json::array()},
                {"cumulative_results", json::array()},
                {"intention", json::array()},
                {"conflict", json::array()},
                {"funding_keur", json::array()},
                {"phase", json::array()}};
    auto commitment = json::array();
    auto status = json::array();
    auto edges = json::array();
    for (const auto& f : rec.frames) {
        series["month"].push_back(f.month);
        series["active_partners"].push_back(f.active_partners);
        series["mean_trust"].push_back(rounded(f.mean_trust));
        series["mean_commitment"].push_back(rounded(f.mean_commitment));
        series["cumulative_results"].push_back(rounded(f.cumulative_results));
        series["intention"].push_back(rounded(f.intention));
        series["conflict"].push_back(rounded(f.conflict));
        series["funding_keur"].push_back(rounded(f.funding));
        series["phase"].push_back(std::string(to_string(f.phase)));
        auto c = json::array();
        for (const double v : f.commitment) {
            c.push_back(rounded(v));
        }
        commitment.push_back(std::move(c));
        auto st = json::array();
        for (const auto v : f.status) {
            st.push_back(static_cast<int>(v));
        }
        status.push_back(std::move(st));
        // Flat [from, to, trust, from, to, trust, …]: a third of the size of objects.
        auto e = json::array();
        for (const auto& edge : f.edges) {
            e.push_back(edge.from);
            e.push_back(edge.to);
            e.push_back(rounded(edge.trust));
        }
        edges.push_back(std::move(e));
    }
    auto events = json::array();
    for (const auto& e : rec.result.events) {
        events.push_back({{"month", e.month},
                          {"partner", e.partner},
                          {"text", describe_event(e, scenario, rec.interventions)}});
    }
    auto partners = json::array();
    for (const auto& p : scenario.partners) {
        partners.push_back({{"name", p.name},
                            {"type", std::string(to_string(p.type))},
                            {"style", std::string(to_string(p.style))}});
    }
    return {{"run",
             run_to_json(rec.result, scenario, *arm, rec.interventions, rec.seed, rec.run_index)},
            {"partners", partners},
            {"series", series},
            {"partner_commitment", commitment},
            {"partner_status", status},
            {"edges", edges},
            {"events", events},
            {"dropped_events", rec.result.dropped_events}};
}

json ensemble_json(const EnsembleResult& e) {
    auto curves = json::array();
    for (std::size_t a = 0; a < e.arms.size(); ++a) {
        const auto& km = e.curves[a];
        json years = json::array();
        json surv = json::array();
        json lower = json::array();
        json upper = json::array();
        // The curve starts at 1 in month 0; each row holds from its time on (a step function).
        years.push_back(0.0);
        surv.push_back(1.0);
        lower.push_back(1.0);
        upper.push_back(1.0);
        for (std::size_t i = 0; i < km.size(); ++i) {
            years.push_back(std::round(km.time[i] / 12.0 * 1000.0) / 1000.0);
            surv.push_back(rounded(km.surv[i]));
            lower.push_back(rounded(km.lower[i]));
            upper.push_back(rounded(km.upper[i]));
        }
        curves.push_back({{"arm", e.arms[a]},
                          {"years", years},
                          {"surv", surv},
                          {"lower", lower},
                          {"upper", upper}});
    }
    const json table = what_if_json(e.table);
    return {{"replications", e.replications},
            {"seed", e.seed},
            {"horizon_months", e.horizon_months},
            {"curves", curves},
            {"table", table}};
}

}  // namespace regiosim::server
