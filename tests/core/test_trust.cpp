// model::update_trust on hand-set states: reciprocity (1:3), meetings, conflict, fading.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>

#include "scenario_builder.hpp"

using namespace regiosim;
using namespace regiosim::test;

namespace {

/// Four non-school partners (a municipality and three companies): no per-pupil rivalry.
Scenario neutral_region(const ModelParameters& p) {
    return make_region(0, 3, {Style::utilitair}, p);
}

ModelParameters without_fade() {
    ModelParameters p;
    p.trust_fade = 0.0;
    return p;
}

void set_contributions(SimulationState& s, double value) {
    std::fill(s.partners.contribution.begin(), s.partners.contribution.end(), value);
}

/// Trust (a·i + b·j) mod m / (m − 1) off the diagonal, spread over [0, 1] without a pattern the
/// block sums could hide; contribution (i mod period) / scale.
void spread_trust_and_contributions(SimulationState& s, int a, int b, int m, int period,
                                    double scale) {
    const auto n = static_cast<Eigen::Index>(s.partners.size());
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            s.trust(i, j) = i == j ? 1.0F : static_cast<float>((a * i + b * j) % m) / (m - 1);
        }
        s.partners.contribution[static_cast<std::size_t>(i)] =
            static_cast<double>(i % period) / scale;
    }
}

}  // namespace

TEST_CASE("a partner that keeps its share gains trust build*observation*(1-T)", "[trust]") {
    Harness h(neutral_region(without_fade()));
    h.admit();
    auto& s = h.state();
    const auto& p = h.scenario().model;
    h.set_trust(0.4);
    set_contributions(s, 0.5);  // everyone meets the reciprocity norm 0.7*0.5
    auto c = h.context();
    model::update_trust(s, c);
    const double gain = p.trust_build_rate * p.trust_observation_rate * (1.0 - 0.4);
    REQUIRE(gain > 0.0);
    for (Eigen::Index i = 0; i < 4; ++i) {
        for (Eigen::Index j = 0; j < 4; ++j) {
            if (i != j) {
                CHECK(s.trust(i, j) == Approx(0.4 + gain).epsilon(single_precision));
            }
        }
        CHECK(s.trust(i, i) == 1.0);
    }
}

TEST_CASE("free-riding loses trust erosion*observation*shortfall*T", "[trust]") {
    Harness h(neutral_region(without_fade()));
    h.admit();
    auto& s = h.state();
    const auto& p = h.scenario().model;
    h.set_trust(0.4);
    set_contributions(s, 0.5);
    s.partners.contribution[1] = 0.0;    // free rides completely
    s.partners.contribution[2] = 0.175;  // gives half of what 0 expects (0.7 * 0.5)
    auto c = h.context();
    model::update_trust(s, c);
    const double obs = p.trust_observation_rate;
    CHECK(s.trust(0, 1) ==
          Approx(0.4 - p.trust_erosion_rate * obs * 1.0 * 0.4).epsilon(single_precision));
    CHECK(s.trust(0, 2) ==
          Approx(0.4 - p.trust_erosion_rate * obs * 0.5 * 0.4).epsilon(single_precision));
    // Partner 3 kept its share towards 0.
    CHECK(s.trust(0, 3) == Approx(0.4 + p.trust_build_rate * obs * 0.6).epsilon(single_precision));
    // Partner 1 gave nothing and so expects nothing: it keeps building trust in the others.
    CHECK(s.trust(1, 0) > 0.4);
    // Partner 2 expects 0.7*0.175 = 0.1225 of others; partner 1 gives 0: full shortfall.
    CHECK(s.trust(2, 1) ==
          Approx(0.4 - p.trust_erosion_rate * obs * 0.4).epsilon(single_precision));
}

TEST_CASE("with the default rates trust breaks three times as fast as it builds (1:3)", "[trust]") {
    const ModelParameters defaults;
    CHECK(defaults.trust_erosion_rate == Approx(3.0 * defaults.trust_build_rate));

    Harness h(neutral_region(without_fade()));  // default build and erosion rates
    h.admit();
    auto& s = h.state();
    h.set_trust(0.5);  // at T = 0.5, (1-T) = T: the asymmetry is the ratio of rates
    set_contributions(s, 0.5);
    s.partners.contribution[1] = 0.0;
    auto c = h.context();
    model::update_trust(s, c);
    const double gain = s.trust(0, 2) - 0.5;
    const double loss = 0.5 - s.trust(0, 1);
    REQUIRE(gain > 0.0);
    // gain and loss are differences of values near 0.5, each within half a float ulp (3e-8).
    CHECK(loss == Approx(3.0 * gain).margin(2e-7));

    // Recovering what one month of free-riding destroyed takes three good months.
    double t = s.trust(0, 1);
    int months = 0;
    for (; t < 0.5 && months < 100; ++months) {
        for (Eigen::Index i = 0; i < 4; ++i) {
            for (Eigen::Index j = 0; j < 4; ++j) {
                s.trust(i, j) = i == j ? 1.0F : static_cast<float>(t);
            }
        }
        set_contributions(s, 0.5);
        model::update_trust(s, c);
        t = s.trust(0, 1);
    }
    CHECK(months >= 3);
}

TEST_CASE("performance agreements make kept and broken promises more visible", "[trust]") {
    Harness h(neutral_region(without_fade()));
    h.admit();
    auto& s = h.state();
    const auto& p = h.scenario().model;
    h.set_trust(0.4);
    set_contributions(s, 0.5);
    s.partners.contribution[1] = 0.0;
    s.effects.agreements = true;
    auto c = h.context();
    model::update_trust(s, c);
    const double obs = p.trust_observation_rate * (1.0 + p.agreements_visibility);
    CHECK(s.trust(0, 2) == Approx(0.4 + p.trust_build_rate * obs * 0.6).epsilon(single_precision));
    CHECK(s.trust(0, 1) ==
          Approx(0.4 - p.trust_erosion_rate * obs * 0.4).epsilon(single_precision));
}

TEST_CASE("meetings raise trust only between partners who both attend", "[trust]") {
    ModelParameters p = without_fade();
    p.trust_build_rate = 0.0;                                  // isolate the meeting
    auto scenario = make_region(0, 9, {Style::utilitair}, p);  // 10 partners
    Harness h(std::move(scenario), 0, 7);
    h.admit();
    auto& s = h.state();
    h.set_trust(0.3);
    set_contributions(s, 0.0);
    std::fill(s.partners.commitment.begin(), s.partners.commitment.end(), 0.0);  // attend: 1/2
    s.partners.active[9] = 0;            // a partner that has left attends nothing
    ++s.active_changes;                  // who is active changed (SimulationState)
    s.effects.meetings_per_year = 12.0;  // a meeting every month
    REQUIRE(model::meeting_in_month(12.0, s.month));
    auto c = h.context();
    model::update_trust(s, c);

    const auto& a = s.partners;
    const double gain = h.scenario().model.meetings_trust_gain * (1.0 - 0.3);
    int attendees = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        attendees += a.attends[i];
    }
    CHECK(a.attends[9] == 0);
    // The fixed seed gives both attendees and absentees, so both branches are checked.
    REQUIRE(attendees >= 2);
    REQUIRE(attendees <= 8);
    for (std::size_t i = 0; i < 10; ++i) {
        for (std::size_t j = 0; j < 10; ++j) {
            if (i == j) {
                continue;
            }
            INFO(i << " -> " << j);
            const double t = s.trust(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
            if (a.attends[i] && a.attends[j]) {
                CHECK(t == Approx(0.3 + gain).epsilon(single_precision));
            } else {
                CHECK(t == 0.3F);
            }
        }
    }
    // Attending also lifts the attendee's commitment.
    for (std::size_t i = 0; i < 9; ++i) {
        CHECK((a.commitment[i] > 0.0) == (a.attends[i] == 1));
    }

    // Without a meeting this month nothing changes.
    Harness quiet(make_region(0, 9, {Style::utilitair}, p), 0, 7);
    quiet.admit();
    quiet.set_trust(0.3);
    set_contributions(quiet.state(), 0.0);
    auto qc = quiet.context();
    model::update_trust(quiet.state(), qc);
    CHECK(quiet.state().trust(0, 1) == 0.3F);
}

TEST_CASE(
    "a partner attends a meeting with probability reach times (0.5 + 0.5 m) and gains "
    "commitment",
    "[trust]") {
    ModelParameters p = without_fade();
    p.size_meeting_group = 5.0;  // 10 active partners: reach 0.5
    auto scenario = make_region(0, 9, {Style::utilitair}, p);
    Harness h(std::move(scenario), 0, 11);
    h.admit();
    auto& s = h.state();
    auto& a = s.partners;
    REQUIRE(s.n_active == 10);
    s.effects.meetings_per_year = 12.0;
    constexpr float m = 0.6F;
    const double gain = p.meetings_commitment_gain;
    const double expected = 0.5 * (0.5 + 0.5 * m);  // 0.4
    int attended = 0;
    int seats = 0;
    for (int t = 0; t < 600; ++t) {
        s.month = t;
        REQUIRE(model::meeting_in_month(12.0, t));
        std::fill(a.commitment.begin(), a.commitment.begin() + 10, m);
        auto c = h.context();
        model::update_trust(s, c);
        for (std::size_t i = 0; i < 10; ++i) {
            const bool attends = a.attends[i] != 0.0F;
            attended += attends ? 1 : 0;
            ++seats;
            const double after = attends ? m + gain * (1.0 - m) : m;
            CHECK(a.commitment[i] == Approx(after).epsilon(single_precision));
        }
    }
    // Binomial: 6000 seats, 99.9 % two-sided interval (z = 3.29) around 0.4 is ± 0.021.
    const double share = static_cast<double>(attended) / seats;
    CHECK(std::abs(share - expected) < 3.2905 * std::sqrt(expected * (1.0 - expected) / seats));
}

TEST_CASE("conflict erodes trust more between rival schools of the same sector", "[trust]") {
    ModelParameters p = without_fade();
    p.trust_build_rate = 0.0;         // isolate conflict erosion
    p.region_alignment_spread = 0.0;  // keep the alignment set below (no regional climate)
    // school0, school1 (vo: same sector), municipality, company0
    auto scenario = make_region(2, 1, {Style::utilitair}, p);
    for (auto& partner : scenario.partners) {
        partner.alignment = 0.4;
    }

    auto erosion = [&](bool competition) {
        auto sc = scenario;
        sc.context.per_pupil_competition = competition;
        Harness h(std::move(sc));
        h.admit();
        auto& s = h.state();
        h.set_trust(0.5);
        set_contributions(s, 0.0);
        s.conflict = 0.5;
        auto c = h.context();
        model::update_trust(s, c);
        return std::pair{0.5 - s.trust(0, 1), 0.5 - s.trust(0, 3)};  // rival, non-rival
    };

    const auto [rival, neutral] = erosion(true);
    const double expected = p.trust_conflict_erosion * 0.5 * (1.0 - 0.4) * 0.5;
    // Differences of trust values near 0.5, each within half a float ulp (3e-8) of its formula.
    CHECK(neutral == Approx(expected).margin(2e-7));
    CHECK(rival == Approx(expected * (1.0 + p.trust_school_rivalry)).margin(2e-7));
    CHECK(rival > neutral);

    // Without per-pupil competition two schools are not rivals.
    const auto [schools, other] = erosion(false);
    CHECK(schools == Approx(other).margin(2e-7));

    // ... and rivals also build trust more slowly.
    ModelParameters q = without_fade();
    auto sc = make_region(2, 1, {Style::utilitair}, q);
    Harness h(std::move(sc));
    h.admit();
    h.set_trust(0.5);
    set_contributions(h.state(), 0.5);
    auto c = h.context();
    model::update_trust(h.state(), c);
    const double rival_gain = h.state().trust(0, 1) - 0.5;
    const double neutral_gain = h.state().trust(0, 3) - 0.5;
    CHECK(rival_gain == Approx(neutral_gain * (1.0 - q.trust_school_rivalry)).margin(2e-7));
}

TEST_CASE("unused trust fades towards the institutional level", "[trust]") {
    ModelParameters p;
    p.trust_build_rate = 0.0;
    Harness h(neutral_region(p));
    h.admit();
    auto& s = h.state();
    const double inst = p.trust_institutional;
    h.set_trust(0.8);
    s.trust(0, 1) = 0.05F;  // below the institutional level: fades up
    set_contributions(s, 0.0);
    auto c = h.context();
    model::update_trust(s, c);
    CHECK(s.trust(1, 0) == Approx(0.8 + p.trust_fade * (inst - 0.8)).epsilon(single_precision));
    CHECK(s.trust(0, 1) == Approx(0.05 + p.trust_fade * (inst - 0.05)).epsilon(single_precision));

    for (int m = 0; m < 1500; ++m) {
        model::update_trust(s, c);
    }
    CHECK(s.trust(1, 0) == Approx(inst).margin(1e-4));
    CHECK(s.trust(0, 1) == Approx(inst).margin(1e-4));
    CHECK(s.trust(1, 0) > inst);
    CHECK(s.trust(0, 1) < inst);

    // Inactive partners' trust is frozen.
    s.partners.active[3] = 0;
    ++s.active_changes;  // who is active changed (SimulationState)
    s.trust(3, 0) = 0.9F;
    s.trust(0, 3) = 0.9F;
    model::update_trust(s, c);
    CHECK(s.trust(3, 0) == 0.9F);
    CHECK(s.trust(0, 3) == 0.9F);
}

TEST_CASE("update_trust leaves the row sums of the new matrix, to the bit", "[trust]") {
    // Sizes below, at and between the eight-row blocks of sum_trust_rows, with inactive partners
    // among the rows and columns, and trust values spread over [0, 1].
    for (const int companies : {2, 7, 14, 22}) {
        Harness h(make_region(2, companies, {Style::utilitair, Style::offensief}));
        h.admit();
        auto& s = h.state();
        const auto n = static_cast<Eigen::Index>(s.partners.size());
        spread_trust_and_contributions(s, 7, 3, 11, 4, 4.0);
        s.partners.active[1] = 0;
        s.partners.active[static_cast<std::size_t>(n - 2)] = 0;
        ++s.active_changes;  // who is active changed (SimulationState)
        auto c = h.context();
        model::update_trust(s, c);
        const auto fused = s.row_sum;

        model::sum_trust_rows(s);
        CHECK(fused == s.row_sum);
        for (Eigen::Index i = 0; i < n; ++i) {
            // In the matrix's single precision, in increasing j, as the model defines the sum.
            float by_row = 0.0F;
            for (Eigen::Index j = 0; j < n; ++j) {
                by_row +=
                    j != i && s.partners.active[static_cast<std::size_t>(j)] ? s.trust(i, j) : 0.0F;
            }
            CHECK(fused[static_cast<std::size_t>(i)] == by_row);
        }
    }
}

TEST_CASE("with utilitair partners update_trust also leaves the contribution-weighted row sums",
          "[trust]") {
    // decide_contributions of the next month weighs trust by that month's prev_contribution,
    // which is this month's contribution: the fused sums must equal sum_trust_rows with those
    // weights then, to the bit, and the padding rows of the matrix must stay 0.0.
    for (const int companies : {2, 7, 14, 22}) {
        Harness h(make_region(2, companies, {Style::utilitair, Style::overstijgend}));
        h.admit();
        auto& s = h.state();
        REQUIRE(s.utilitair_partners);
        const auto n = static_cast<Eigen::Index>(s.partners.size());
        spread_trust_and_contributions(s, 5, 2, 13, 5, 3.0);
        s.partners.active[0] = 0;
        s.partners.active[static_cast<std::size_t>(n - 1)] = 0;
        ++s.active_changes;  // who is active changed (SimulationState)
        auto c = h.context();
        model::update_trust(s, c);
        REQUIRE(s.row_sums == RowSumsHeld::plain_and_weighted);
        const auto fused_plain = s.row_sum;
        const auto fused_weighted = s.row_weighted_sum;

        s.partners.prev_contribution = s.partners.contribution;
        model::sum_trust_rows(s, s.partners.prev_contribution.data());
        for (Eigen::Index i = 0; i < n; ++i) {
            if (!s.partners.active[static_cast<std::size_t>(i)]) {
                continue;
            }
            const auto r = static_cast<std::size_t>(i);
            CHECK(fused_plain[r] == s.row_sum[r]);
            CHECK(fused_weighted[r] == s.row_weighted_sum[r]);
            float by_row = 0.0F;
            for (Eigen::Index j = 0; j < n; ++j) {
                const auto k = static_cast<std::size_t>(j);
                by_row += j != i && s.partners.active[k]
                              ? s.trust(i, j) * static_cast<float>(s.partners.contribution[k])
                              : 0.0F;
            }
            CHECK(fused_weighted[r] == by_row);
        }
        const auto stride = static_cast<Eigen::Index>(s.trust.stride());
        for (Eigen::Index j = 0; j < n; ++j) {
            for (Eigen::Index pad = n; pad < stride; ++pad) {
                CHECK(s.trust.column(static_cast<std::size_t>(j))[pad] == 0.0F);
            }
        }
    }
}

TEST_CASE("a success raises trust by gain * sqrt(share_i * share_j) * (1 - T) between the active",
          "[trust]") {
    // The monthly rule made the identity (no building, erosion, conflict or fade), so that what
    // this month's trust update does is the success's part alone.
    ModelParameters p = without_fade();
    p.trust_build_rate = 0.0;
    p.trust_erosion_rate = 0.0;
    Harness h(neutral_region(p));
    h.admit();
    auto& s = h.state();
    h.set_trust(0.3);
    const double given[] = {0.2, 0.4, 0.8, 0.5};
    for (std::size_t i = 0; i < 4; ++i) {
        s.partners.contribution[i] = static_cast<float>(given[i]);
    }
    s.partners.active[3] = 0.0F;  // a partner that has left shares in nothing
    ++s.active_changes;           // who is active changed (SimulationState)
    s.partners.contribution[3] = 0.0F;
    s.contribution_totals.effort = 1.0;
    s.contribution_totals.largest = 0.8;
    s.success_clock = 0.0;  // any output makes this month's success
    auto c = h.context();
    model::produce_results(s, c);
    REQUIRE(s.success_this_month);
    REQUIRE(s.successes == 1);
    model::update_trust(s, c);

    const double gain = p.success_trust_gain;
    REQUIRE(gain > 0.0);
    for (Eigen::Index i = 0; i < 4; ++i) {
        for (Eigen::Index j = 0; j < 4; ++j) {
            INFO(i << " -> " << j);
            const double t = s.trust(i, j);
            if (i == j) {
                CHECK(t == 1.0);
            } else if (i == 3 || j == 3) {
                CHECK(t == 0.3F);
            } else {
                const double shares = std::sqrt(given[i] / 0.8) * std::sqrt(given[j] / 0.8);
                CHECK(t == Approx(0.3 + gain * shares * (1.0 - 0.3)).epsilon(single_precision));
            }
        }
    }
    // The gain is applied once: the next month's update leaves trust as it is.
    const float after = s.trust(0, 1);
    model::update_trust(s, c);
    CHECK(s.trust(0, 1) == after);
}
