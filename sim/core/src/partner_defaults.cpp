#include "regiosim/core/partner_defaults.hpp"

namespace regiosim {

double default_alignment(Style style, const ModelParameters& p) noexcept {
    switch (style) {
        case Style::defensief:
            return p.initial_alignment_defensief;
        case Style::utilitair:
            return p.initial_alignment_utilitair;
        case Style::offensief:
            return p.initial_alignment_offensief;
        case Style::overstijgend:
            return p.initial_alignment_overstijgend;
    }
    return p.initial_alignment_utilitair;
}

double default_commitment(Style style, const ModelParameters& p) noexcept {
    switch (style) {
        case Style::defensief:
            return p.initial_commitment_defensief;
        case Style::utilitair:
            return p.initial_commitment_utilitair;
        case Style::offensief:
            return p.initial_commitment_offensief;
        case Style::overstijgend:
            return p.initial_commitment_overstijgend;
    }
    return p.initial_commitment_utilitair;
}

double default_capacity(PartnerType type, const ModelParameters& p) noexcept {
    switch (type) {
        case PartnerType::vo_school:
        case PartnerType::vmbo_school:
            return p.initial_capacity_school;
        case PartnerType::mbo:
        case PartnerType::hbo:
            return p.initial_capacity_college;
        case PartnerType::municipality:
        case PartnerType::province:
            return p.initial_capacity_government;
        case PartnerType::company:
            return p.initial_capacity_company;
        case PartnerType::welfare:
        case PartnerType::youth_care:
            return p.initial_capacity_welfare;
        case PartnerType::broker:
            return p.initial_capacity_broker;
    }
    return p.initial_capacity_school;
}

}  // namespace regiosim
