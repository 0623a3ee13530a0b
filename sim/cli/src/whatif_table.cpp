#include "whatif_table.hpp"

#include <fmt/format.h>

#include <algorithm>
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

bool has(const analysis::ArmComparison& row, analysis::Caution caution) {
    return std::find(row.cautions.begin(), row.cautions.end(), caution) != row.cautions.end();
}

// Why one flagged estimate of `row` may be far off, with the row's own numbers.
std::string caution_text(const analysis::ArmComparison& row, analysis::Caution caution,
                         int baseline_events) {
    switch (caution) {
        case analysis::Caution::few_events:
            return fmt::format(
                "few events: {} runs ended in this arm and {} in the baseline; with fewer than "
                "{} on either side the hazard ratio is unstable",
                row.events, baseline_events, analysis::caution_min_events);
        case analysis::Caution::wide_ci:
            return fmt::format(
                "wide interval: the hazard ratio's 95 % CI spans a factor {:.0f} (more than "
                "{:.0f}),"
                " so its size is not known",
                row.hazard_ratio->upper / row.hazard_ratio->lower, analysis::caution_max_ci_ratio);
        case analysis::Caution::small_gain:
            return fmt::format(
                "small gain: the RMST gain's 95 % CI starts at {:.2f} years, under {:.0f} % of the "
                "{:.2f} estimated; at that end a year gained would cost over ten times as much",
                row.rmst_gain_years.lower, 100.0 * analysis::caution_min_gain_share,
                row.rmst_gain_years.estimate);
    }
    return analysis::caution_name(caution);
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
        // A "*" marks an estimate the footnotes below the table advise to read with caution.
        const bool doubtful_ratio =
            has(r, analysis::Caution::few_events) || has(r, analysis::Caution::wide_ci);
        const std::string hr =
            r.hazard_ratio ? with_ci(*r.hazard_ratio, "{:.2f}") + (doubtful_ratio ? "*" : "")
                           : std::string("ref");
        const std::string per_year = r.cost_per_year_gained
                                         ? fmt::format("{:.1f}", *r.cost_per_year_gained) +
                                               (has(r, analysis::Caution::small_gain) ? "*" : "")
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
    const int baseline_events = rows.empty() ? 0 : rows.front().events;
    bool heading = false;
    for (const auto& r : rows) {
        for (const auto c : r.cautions) {
            if (!heading) {
                out += "* Read with caution:\n";
                heading = true;
            }
            out += fmt::format("  {}: {}.\n", r.arm, caution_text(r, c, baseline_events));
        }
    }
    return out;
}

std::string whatif_csv(const std::vector<analysis::ArmComparison>& rows) {
    std::string out =
        "arm,runs,median_years,median_lower,median_upper,s5,s10,s15,rmst_years,rmst_lower,"
        "rmst_upper,rmst_gain_years,hazard_ratio,hr_lower,hr_upper,hr_p,share_self_sustaining,"
        "mean_total_cost_keur,yearly_cost_keur,cost_per_year_gained_keur,top_cause,events,"
        "caution\n";
    auto num = [](double v) { return std::isfinite(v) ? fmt::format("{}", v) : std::string(); };
    auto opt = [&](const analysis::EstimateCi& i, double analysis::EstimateCi::*m) {
        return i.defined ? num(i.*m) : std::string();
    };
    for (const auto& r : rows) {
        const auto& hr = r.hazard_ratio;
        std::string caution;
        for (const auto c : r.cautions) {
            caution += (caution.empty() ? "" : ";") + std::string(analysis::caution_name(c));
        }
        out += fmt::format(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", r.arm, r.runs,
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
            r.causes.empty() ? std::string() : end_cause_label(r.causes.front().first), r.events,
            caution);
    }
    return out;
}

}  // namespace regiosim::cli
