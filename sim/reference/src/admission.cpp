// docs/ODD.md §7.1: admission of joining partners.
#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

// §7.1: a partner whose join month has come joins and is active; after month 0 it starts as a
// stranger, T_ij = T_ji = trust.initial for every j ≠ i. In a month in which anyone joined
// (month 0 included), N, m̄ and T̄ are recomputed at once (§5), so the rest of the month sees
// the newcomers.
void admit_joining_partners(ReferenceState& s, const Step& c) {
    const int t = s.month;
    bool anyone = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        Partner& a = s.partners[i];
        if (a.joined || a.join_month != t) {
            continue;
        }
        a.joined = true;
        a.active = true;
        ++s.n_joined;
        anyone = true;
        if (t > 0) {
            for (std::size_t j = 0; j < s.size(); ++j) {
                if (j != i) {
                    s.trust_of(i, j) = c.p.trust_initial;
                    s.trust_of(j, i) = c.p.trust_initial;
                }
            }
            c.log.add(t, EventKind::partner_joined, static_cast<int>(i));
        }
    }
    if (anyone) {
        refresh_means(s);
    }
}

}  // namespace regiosim::reference
