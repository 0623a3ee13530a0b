// docs/ODD.md §7.4: key figures, the team leader and the coordinator.
#include <utility>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

namespace {

// §7.4: the personal part of trust, above τ = trust.institutional, in and of partner i shrinks by
// λ, for every other partner j; returns the mean trust of the other active partners in i before
// and after (for the event).
std::pair<double, double> lose_personal_trust(ReferenceState& s, std::size_t i, double loss,
                                              double institutional) {
    const auto without_person = [&](double t) {
        return t > institutional ? institutional + (t - institutional) * (1.0 - loss) : t;
    };
    double before = 0.0;
    double after = 0.0;
    int count = 0;
    for (std::size_t j = 0; j < s.size(); ++j) {
        if (j == i) {
            continue;
        }
        const double was = s.trust_of(j, i);
        s.trust_of(j, i) = without_person(was);
        s.trust_of(i, j) = without_person(s.trust_of(i, j));
        if (s.partners[j].active) {
            before += was;
            after += s.trust_of(j, i);
            ++count;
        }
    }
    return count > 0 ? std::pair{before / count, after / count} : std::pair{0.0, 0.0};
}

// §7.4 "Key-figure turnover": partner i's key figure leaves.
void key_figure_leaves(ReferenceState& s, const Step& c, std::size_t i) {
    const auto& p = c.p;
    Partner& a = s.partners[i];
    const double onboarding = s.coordinator_present ? p.coordinator_onboarding : 0.0;
    const double loss = p.key_figure_personal_share * (1.0 - onboarding);
    const auto [before, after] = lose_personal_trust(s, i, loss, p.trust_institutional);
    a.commitment = (1.0 - loss) * a.commitment + loss * p.key_figure_newcomer_commitment;
    a.expertise = (1.0 - loss) * a.expertise + loss * p.key_figure_newcomer_expertise;
    a.kartrekker =
        c.rng.bernoulli(p.key_figure_kartrekker_share, DrawPurpose::key_figure_newcomer,
                        static_cast<std::uint32_t>(s.month), static_cast<std::uint32_t>(i));
    c.log.add(s.month, EventKind::key_figure_left, static_cast<int>(i), -1, before, after);
    if (static_cast<int>(i) == s.team_leader) {
        team_leader_lost(s, c, i);
    }
}

// §7.4 "Team leader replacement": the most committed active partner (first index on ties).
void replace_team_leader(ReferenceState& s, const Step& c) {
    int best = -1;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.partners[i].active &&
            (best < 0 ||
             s.partners[i].commitment > s.partners[static_cast<std::size_t>(best)].commitment)) {
            best = static_cast<int>(i);
        }
    }
    if (best >= 0) {
        s.team_leader = best;
        s.partners[static_cast<std::size_t>(best)].team_member = true;
        s.team_vacant_until = -1;
        c.log.add(s.month, EventKind::team_leader_replaced, best);
    }
}

// §7.4 "Coordinator": the person's clock while in post; a new person after the vacancy.
void update_coordinator(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    if (!s.effects.coordinator) {
        s.coordinator_present = false;
        return;
    }
    if (s.coordinator_present) {
        const double hazard = monthly_hazard(monthly_probability(p.coordinator_turnover));
        if (clock_runs_out(s.coordinator_clock, hazard)) {
            coordinator_departs(s, c, -1);
            s.coordinator_vacant_until = s.month + static_cast<int>(p.coordinator_vacancy_months);
            s.coordinator_clock = c.rng.exponential(DrawPurpose::coordinator_departure,
                                                    static_cast<std::uint32_t>(s.month), 0, 0);
        }
    } else if (s.month >= s.coordinator_vacant_until) {
        s.coordinator_present = true;
        c.log.add(s.month, EventKind::coordinator_arrived);
    }
}

}  // namespace

// §7.4: the team loses its trekker i (the person, or the organisation, §7.10).
void team_leader_lost(ReferenceState& s, const Step& c, std::size_t i) {
    s.team_leader = -1;
    s.team_vacant_until = s.month + static_cast<int>(c.p.team_vacancy_months);
    s.last_leader_loss = s.month;
    for (Partner& a : s.partners) {
        if (a.active) {
            a.commitment *= 1.0 - c.p.team_leader_loss_shock;
        }
    }
    c.log.add(s.month, EventKind::team_leader_left, static_cast<int>(i));
}

// §7.4 coordinator_departs: shock = coordinator.loss_shock · D on every active m_k.
void coordinator_departs(ReferenceState& s, const Step& c, int intervention) {
    if (!s.coordinator_present) {
        return;
    }
    const double shock = c.p.coordinator_loss_shock * s.dependence;
    for (Partner& a : s.partners) {
        if (a.active) {
            a.commitment *= 1.0 - shock;
        }
    }
    if (s.dependence >= c.p.flywheel_max_dependence) {
        s.last_leader_loss = s.month;
    }
    c.log.add(s.month, EventKind::coordinator_left, -1, intervention, s.dependence, shock);
    s.coordinator_present = false;
    s.dependence = 0.0;
}

// §7.4, in order: key-figure departures (partners in index order), team leader replacement,
// coordinator turnover and return.
void update_key_figures(ReferenceState& s, const Step& c) {
    const double hazard = monthly_hazard(monthly_probability(c.p.key_figure_turnover));
    for (std::size_t i = 0; i < s.size(); ++i) {
        Partner& a = s.partners[i];
        if (a.active && clock_runs_out(a.key_figure_clock, hazard)) {
            key_figure_leaves(s, c, i);
            a.key_figure_clock = c.rng.exponential(DrawPurpose::key_figure_departure,
                                                   static_cast<std::uint32_t>(s.month),
                                                   static_cast<std::uint32_t>(i), 0);
        }
    }
    if (s.effects.team && s.team_leader < 0 && s.month >= s.team_vacant_until) {
        replace_team_leader(s, c);
    }
    update_coordinator(s, c);
}

}  // namespace regiosim::reference
