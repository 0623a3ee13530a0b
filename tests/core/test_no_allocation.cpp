// Simulation::step() must not touch the heap: a sweep reuses one Simulation per thread, and the
// buffers are allocated in the constructor and in reset(). This binary replaces the global
// operator new/delete (and, with glibc and without AddressSanitizer, malloc itself, since Eigen
// allocates through malloc) with counting versions, so it is built on its own (test_core_alloc).
#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "scenario_builder.hpp"

namespace {

std::atomic<bool> g_counting{false};
std::atomic<long> g_new_calls{0};
std::atomic<long> g_malloc_calls{0};

void count_new() noexcept {
    if (g_counting.load(std::memory_order_relaxed)) {
        g_new_calls.fetch_add(1, std::memory_order_relaxed);
    }
}

void* allocate(std::size_t size) {
    count_new();
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
        return p;
    }
    throw std::bad_alloc();
}

void* allocate_aligned(std::size_t size, std::align_val_t align) {
    count_new();
    const auto a = static_cast<std::size_t>(align);
    const std::size_t rounded = (size + a - 1) / a * a;
    if (void* p = std::aligned_alloc(a, rounded == 0 ? a : rounded)) {
        return p;
    }
    throw std::bad_alloc();
}

[[maybe_unused]] void count_malloc() noexcept {
    if (g_counting.load(std::memory_order_relaxed)) {
        g_malloc_calls.fetch_add(1, std::memory_order_relaxed);
    }
}

}  // namespace

// --- replaced global allocation functions
void* operator new(std::size_t size) {
    return allocate(size);
}
void* operator new[](std::size_t size) {
    return allocate(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    count_new();
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    count_new();
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new(std::size_t size, std::align_val_t align) {
    return allocate_aligned(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align) {
    return allocate_aligned(size, align);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define REGIOSIM_COUNT_MALLOC 1
// glibc lets a program replace malloc and friends; these forward to glibc's own allocator.
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t n, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void* __libc_memalign(std::size_t align, std::size_t size);
void __libc_free(void* p);

void* malloc(std::size_t size) noexcept {
    count_malloc();
    return __libc_malloc(size);
}
void* calloc(std::size_t n, std::size_t size) noexcept {
    count_malloc();
    return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t size) noexcept {
    count_malloc();
    return __libc_realloc(p, size);
}
void* memalign(std::size_t align, std::size_t size) noexcept {
    count_malloc();
    return __libc_memalign(align, size);
}
void* aligned_alloc(std::size_t align, std::size_t size) noexcept {
    count_malloc();
    return __libc_memalign(align, size);
}
int posix_memalign(void** out, std::size_t align, std::size_t size) noexcept {
    count_malloc();
    void* p = __libc_memalign(align, size);
    if (p == nullptr) {
        return ENOMEM;
    }
    *out = p;
    return 0;
}
void free(void* p) noexcept {
    __libc_free(p);
}
}
#else
#define REGIOSIM_COUNT_MALLOC 0
#endif

using namespace regiosim;
using namespace regiosim::test;

namespace {

struct Counts {
    long news = 0;
    long mallocs = 0;
};

void start_counting() {
    g_new_calls = 0;
    g_malloc_calls = 0;
    g_counting = true;
}

Counts stop_counting() {
    g_counting = false;
    return Counts{g_new_calls.load(), g_malloc_calls.load()};
}

void* volatile g_sink = nullptr;

/// 40 partners and every kind of intervention, several of them ending or firing mid-run.
Scenario forty_partners() {
    auto s = make_region(16, 20,
                         {Style::utilitair, Style::defensief, Style::offensief, Style::overstijgend,
                          Style::utilitair});
    add_partner(s, "roc", PartnerType::mbo, Style::offensief);
    add_partner(s, "idoe", PartnerType::broker, Style::overstijgend);
    add_partner(s, "welzijn", PartnerType::welfare, Style::utilitair);
    s.partners[5].join_month = 18;  // a school that joins later
    with_funding(s, "pilot", 30.0, 0, 48, 0.1);
    with_funding(s, "municipal", 10.0, 12);

    auto covenant = intervention(InterventionKind::covenant, 0);
    covenant.term_months = 24;
    covenant.yearly_cost = 2.0;
    auto coordinator = intervention(InterventionKind::coordinator, 0);
    coordinator.intensity = 0.7;
    coordinator.yearly_cost = 40.0;
    auto team = intervention(InterventionKind::execution_team, 3);
    team.funded_by = "pilot";
    team.team_size = 6;
    team.one_off_cost = 5.0;
    auto platform = intervention(InterventionKind::meetings, 0);
    platform.meetings_per_year = 2;
    auto revival = intervention(InterventionKind::meetings, 0, 1);
    revival.name = "revival";
    revival.trigger = Trigger{TriggerMetric::mean_commitment, true, 0.5, 12, 0};
    auto rescue = intervention(InterventionKind::settlement, 0);
    rescue.name = "rescue";
    rescue.trigger = Trigger{TriggerMetric::conflict, false, 0.2, 24, 2};
    with_arm(s, "everything",
             {covenant, coordinator, team, platform, revival, rescue,
              intervention(InterventionKind::performance_agreements, 6),
              intervention(InterventionKind::monitoring, 0),
              intervention(InterventionKind::vertical_structure, 36),
              intervention(InterventionKind::settlement, 24),
              intervention(InterventionKind::stable_funding, 60)});
    return s;
}

}  // namespace

TEST_CASE("the counting allocator sees allocations", "[alloc]") {
    start_counting();
    g_sink = new int(3);
    delete static_cast<int*>(g_sink);
    const Counts c = stop_counting();
    CHECK(c.news == 1);
#if REGIOSIM_COUNT_MALLOC
    CHECK(c.mallocs >= 1);
    start_counting();
    g_sink = std::malloc(24);
    std::free(g_sink);
    CHECK(stop_counting().mallocs == 1);
    start_counting();
    Eigen::MatrixXd m(40, 40);
    g_sink = m.data();
    CHECK(stop_counting().mallocs >= 1);
#endif
}

TEST_CASE("Simulation::step() performs no heap allocation", "[alloc]") {
    auto s = forty_partners();
    REQUIRE(s.partners.size() == 40);

    SECTION("whole 15-year runs with every ending switched off") {
        disable_endings(s.model);
        for (std::size_t arm = 0; arm < s.arms.size(); ++arm) {
            Simulation sim(s, s.arms[arm]);  // allocations here are allowed
            for (std::uint64_t seed = 1; seed <= 3; ++seed) {
                INFO("arm " << s.arms[arm].name << ", seed " << seed);
                sim.reset(seed, 0);  // ... and here
                int steps = 0;
                start_counting();
                while (sim.step()) {
                    ++steps;
                }
                const Counts c = stop_counting();
                CHECK(c.news == 0);
                CHECK(c.mallocs == 0);
                CHECK(steps + 1 == 180);
                CHECK(sim.result().months_survived == 180);
                CHECK(sim.result().years.size() == 15);
                CHECK(sim.result().events.size() > 50);
            }
        }
    }
    SECTION("runs with the default parameters, ending however they end") {
        for (std::size_t arm = 0; arm < s.arms.size(); ++arm) {
            Simulation sim(s, s.arms[arm]);
            for (std::uint64_t seed = 1; seed <= 5; ++seed) {
                INFO("arm " << s.arms[arm].name << ", seed " << seed);
                sim.reset(seed, 0);
                start_counting();
                while (sim.step()) {
                }
                const Counts c = stop_counting();
                CHECK(c.news == 0);
                CHECK(c.mallocs == 0);
                CHECK(sim.result().months_survived > 0);
            }
        }
    }
    SECTION("even when the event log is full") {
        disable_endings(s.model);
        s.model.key_figure_turnover = 1.0;  // 40 key-figure events a month overflow the log
        Simulation sim(s, s.arms[1]);
        sim.reset(1, 0);
        start_counting();
        while (sim.step()) {
        }
        const Counts c = stop_counting();
        CHECK(c.news == 0);
        CHECK(c.mallocs == 0);
        CHECK(sim.result().dropped_events > 0);
        CHECK(sim.result().events.size() == sim.result().events.capacity());
    }
}
