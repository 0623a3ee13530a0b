#include "whatif_table.hpp"

#include <fmt/format.h>

#include <cmath>

#include "regiosim/analyze/what_if_json.hpp"

namespace regiosim::cli {

namespace {

std::string number_or_nr(double v, const char* format) {
    return std::isfinite(v) ? fmt::format(fmt::runtime(format), v) : std::string("NR");
}

std::string with_ci(const analysis::EstimateCi& i, const char* format) {
    if (!i.defined) {
        return "—";
    }
    return fmt::format("{} ({}–{})", number_or_nr(i.estimate, format),
                       number_or_nr(i.lower, format), number_or_nr(i.upper, format));
}

std::string top_causes(const analysis::ArmComparison& row, std::size_t how_many) {
    std::string out;
    for (std::size_t k = 0; k < row.causes.size() && k < how_many; ++k) {
        out += fmt::format("{}{} {:.0f}%", out.empty() ? "" : ", ",
                           end_cause_label(row.causes[k].first), 100.0 * row.causes[k].second);
    }
    return out.empty() ? "none ended" : out;
}

}  // namespace

std::string whatif_text(const std::vector<analysis::ArmComparison>& rows, double horizon_months) {
    std::string out = fmt::format(
        "What if? Survival of the collaboration per arm (95 % CI), horizon {:.0f} years\n\n",
        horizon_months / 12.0);
    out +=
        fmt::format("{:<26} {:>5} {:>20} {:>6} {:>6} {:>6} {:>18} {:>20} {:>7} {:>9} {:>12}  {}\n",
                    "arm", "runs", "median years", "S(5)", "S(10)", "S(15)", "RMST years",
                    "hazard ratio", "flywheel", "k€/year", "k€/yr gained", "top causes of ending");
    for (const auto& r : rows) {
        const auto pct = [](const analysis::EstimateCi& i) {
            return i.defined ? fmt::format("{:.0f}%", 100.0 * i.estimate) : std::string("—");
        };
        const std::string hr =
            r.hazard_ratio ? with_ci(*r.hazard_ratio, "{:.2f}") : std::string("ref");
        const std::string per_year = r.cost_per_year_gained
                                         ? fmt::format("{:.1f}", *r.cost_per_year_gained)
                                         : std::string(r.hazard_ratio ? "no gain" : "—");
        out += fmt::format(
            "{:<26} {:>5} {:>20} {:>6} {:>6} {:>6} {:>18} {:>20} {:>7.0f}% {:>9.1f} {:>12}  {}\n",
            r.arm, r.runs, with_ci(r.median_years, "{:.1f}"), pct(r.survival_5y),
            pct(r.survival_10y), pct(r.survival_15y), with_ci(r.rmst_years, "{:.1f}"), hr,
            100.0 * r.share_self_sustaining, r.yearly_cost, per_year, top_causes(r, 3));
    }
    out +=
        "\nNR: not reached within the horizon. S(t): share still collaborating after t years "
        "(Kaplan–Meier).\nHazard ratio < 1: the arm ends less often than the baseline (Cox, "
        "Efron ties). k€/yr gained: extra cost per year of restricted mean survival gained.\n";
    return out;
}

std::string whatif_csv(const std::vector<analysis::ArmComparison>& rows) {
    std::string out =
        "arm,runs,median_years,median_lower,median_upper,s5,s10,s15,rmst_years,rmst_lower,"
        "rmst_upper,rmst_gain_years,hazard_ratio,hr_lower,hr_upper,hr_p,share_self_sustaining,"
        "mean_total_cost_keur,yearly_cost_keur,cost_per_year_gained_keur,top_cause\n";
    auto num = [](double v) { return std::isfinite(v) ? fmt::format("{}", v) : std::string(); };
    auto opt = [&](const analysis::EstimateCi& i, double analysis::EstimateCi::*m) {
        return i.defined ? num(i.*m) : std::string();
    };
    for (const auto& r : rows) {
        const auto& hr = r.hazard_ratio;
        out += fmt::format(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", r.arm, r.runs,
            opt(r.median_years, &analysis::EstimateCi::estimate),
            opt(r.median_years, &analysis::EstimateCi::lower),
            opt(r.median_years, &analysis::EstimateCi::upper),
            opt(r.survival_5y, &analysis::EstimateCi::estimate),
            opt(r.survival_10y, &analysis::EstimateCi::estimate),
            opt(r.survival_15y, &analysis::EstimateCi::estimate), num(r.rmst_years.estimate),
            num(r.rmst_years.lower), num(r.rmst_years.upper),
            opt(r.rmst_gain_years, &analysis::EstimateCi::estimate),
            hr ? num(hr->estimate) : std::string(), hr ? num(hr->lower) : std::string(),
            hr ? num(hr->upper) : std::string(), hr ? num(r.hazard_p_value) : std::string(),
            num(r.share_self_sustaining), num(r.mean_total_cost), num(r.yearly_cost),
            r.cost_per_year_gained ? num(*r.cost_per_year_gained) : std::string(),
            r.causes.empty() ? std::string() : end_cause_label(r.causes.front().first));
    }
    return out;
}

}  // namespace regiosim::cli
