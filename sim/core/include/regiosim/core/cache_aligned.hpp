#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace regiosim {

/// Allocates on 64-byte boundaries (one cache line, one AVX-512 vector), so that the pair loops'
/// vector loads and stores of a lane never straddle two cache lines: a store that does cannot
/// be forwarded to the load that reads it back one column later.
template <typename T>
struct CacheAlignedAllocator {
    using value_type = T;
    static constexpr std::align_val_t alignment{64};

    CacheAlignedAllocator() noexcept = default;
    template <typename U>
    explicit CacheAlignedAllocator(const CacheAlignedAllocator<U>& /*other*/) noexcept {}

    [[nodiscard]] T* allocate(std::size_t n) {
        return static_cast<T*>(::operator new(n * sizeof(T), alignment));
    }
    void deallocate(T* p, std::size_t /*n*/) noexcept { ::operator delete(p, alignment); }

    template <typename U>
    bool operator==(const CacheAlignedAllocator<U>& /*other*/) const noexcept {
        return true;
    }
};

/// One value per partner in single precision (docs/ODD.md §7, "Numerics"), padded to the trust
/// matrix's stride, so that a loop over partners runs over whole vector blocks.
using Lane = std::vector<float, CacheAlignedAllocator<float>>;

}  // namespace regiosim
