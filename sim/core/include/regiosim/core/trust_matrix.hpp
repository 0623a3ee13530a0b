#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <memory>
#include <new>

namespace regiosim {

/// Directed trust between n partners: trust(i, j) is the trust of partner i in partner j, in
/// single precision (docs/ODD.md §7, "Numerics": a value in [0, 1] needs no more than float's seven
/// digits, and a vector register holds twice as many floats as doubles).
///
/// Column-major, and every column is padded to a whole number of vector blocks (block_rows
/// floats, 32 bytes) and starts on a cache line. The pair loops then run over
/// whole, aligned vectors: no remainder loop, no run-time overlap or alignment checks, which at
/// 20 partners weighed as much as the arithmetic. The padding rows hold 0 and belong to no
/// partner; the loops treat them as inactive partners, so they stay 0.0.
class TrustMatrix {
  public:
    static constexpr std::size_t block_rows = 8;
    using value_type = float;

    TrustMatrix() = default;
    TrustMatrix(const TrustMatrix& other) { *this = other; }
    TrustMatrix& operator=(const TrustMatrix& other);
    TrustMatrix(TrustMatrix&&) noexcept = default;
    TrustMatrix& operator=(TrustMatrix&&) noexcept = default;
    ~TrustMatrix() = default;

    /// n partners; every value, padding included, becomes 0. Allocates; the run never calls it.
    void resize(std::size_t n);

    [[nodiscard]] float& operator()(Eigen::Index i, Eigen::Index j) noexcept {
        return values_[static_cast<std::size_t>(j) * stride_ + static_cast<std::size_t>(i)];
    }
    [[nodiscard]] float operator()(Eigen::Index i, Eigen::Index j) const noexcept {
        return values_[static_cast<std::size_t>(j) * stride_ + static_cast<std::size_t>(i)];
    }

    [[nodiscard]] Eigen::Index rows() const noexcept { return static_cast<Eigen::Index>(n_); }
    [[nodiscard]] Eigen::Index cols() const noexcept { return static_cast<Eigen::Index>(n_); }
    /// Values from one column to the next: n rounded up to a multiple of block_rows.
    [[nodiscard]] std::size_t stride() const noexcept { return stride_; }
    [[nodiscard]] static std::size_t padded(std::size_t n) noexcept {
        return (n + block_rows - 1) / block_rows * block_rows;
    }

    /// Column j: stride() values; the first column is aligned to 64 bytes, every column to 32.
    [[nodiscard]] float* column(std::size_t j) noexcept { return values_.get() + j * stride_; }
    [[nodiscard]] const float* column(std::size_t j) const noexcept {
        return values_.get() + j * stride_;
    }

  private:
    static constexpr std::align_val_t alignment{64};
    struct AlignedDelete {
        void operator()(float* p) const noexcept { ::operator delete[](p, alignment); }
    };

    std::size_t n_ = 0;
    std::size_t stride_ = 0;
    std::unique_ptr<float[], AlignedDelete> values_;
};

}  // namespace regiosim
