#include "regiosim/server/run_recording.hpp"

#include <algorithm>

#include "regiosim/core/simulation.hpp"

namespace regiosim::server {

namespace {

PartnerStatus status_of(const PartnerArrays& p, std::size_t i) {
    if (p.active[i] != 0) {
        return PartnerStatus::active;
    }
    return p.joined[i] != 0 ? PartnerStatus::left : PartnerStatus::not_joined;
}

MonthFrame frame_of(const ModelState& s, int max_edges) {
    MonthFrame f;
    f.month = s.month;
    f.active_partners = s.n_active;
    f.mean_trust = s.mean_trust;
    f.mean_commitment = s.mean_commitment;
    f.cumulative_results = s.cumulative_output;
    f.intention = s.intention;
    f.conflict = s.conflict;
    f.funding = s.funding;
    f.phase = s.phase;
    const auto n = s.partners.size();
    f.commitment.assign(s.partners.commitment.begin(),
                        s.partners.commitment.begin() + static_cast<std::ptrdiff_t>(n));
    f.status.resize(n);
    std::vector<int> active;
    for (std::size_t i = 0; i < n; ++i) {
        f.status[i] = status_of(s.partners, i);
        if (f.status[i] == PartnerStatus::active) {
            active.push_back(static_cast<int>(i));
        }
    }
    for (std::size_t a = 0; a < active.size(); ++a) {
        for (std::size_t b = a + 1; b < active.size(); ++b) {
            const int i = active[a];
            const int j = active[b];
            f.edges.push_back({i, j, 0.5 * (s.trust(i, j) + s.trust(j, i))});
        }
    }
    const auto keep = std::min(f.edges.size(), static_cast<std::size_t>(std::max(0, max_edges)));
    std::partial_sort(f.edges.begin(), f.edges.begin() + static_cast<std::ptrdiff_t>(keep),
                      f.edges.end(), [](const auto& x, const auto& y) {
                          return std::tie(y.trust, x.from, x.to) < std::tie(x.trust, y.from, y.to);
                      });
    f.edges.resize(keep);
    return f;
}

}  // namespace

RunRecording record_run(const Scenario& scenario, const Arm& arm, std::uint64_t seed,
                        std::uint64_t run_index, int max_edges) {
    Simulation simulation(scenario, arm);
    simulation.reset(seed, run_index);
    RunRecording rec;
    rec.arm = arm.name;
    rec.seed = seed;
    rec.run_index = run_index;
    rec.frames.reserve(static_cast<std::size_t>(scenario.horizon_months));
    bool going = true;
    while (going) {
        const int month = simulation.state().month;
        going = simulation.step();
        rec.frames.push_back(frame_of(simulation.state(), max_edges));
        // step() advances the month counter only when the run goes on; label each frame with
        // the month that was simulated, as the events of that month are labelled.
        rec.frames.back().month = month;
    }
    rec.result = simulation.result();
    rec.interventions = simulation.interventions();
    return rec;
}

}  // namespace regiosim::server
