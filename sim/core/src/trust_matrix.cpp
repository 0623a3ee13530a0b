#include "regiosim/core/trust_matrix.hpp"

#include <algorithm>

namespace regiosim {

void TrustMatrix::resize(std::size_t n) {
    n_ = n;
    stride_ = padded(n);
    const std::size_t size = std::max<std::size_t>(1, stride_ * n_);
    values_.reset(new (alignment) float[size]);
    std::fill(values_.get(), values_.get() + size, 0.0F);
}

TrustMatrix& TrustMatrix::operator=(const TrustMatrix& other) {
    if (this != &other) {
        resize(other.n_);
        std::copy(other.values_.get(), other.values_.get() + stride_ * n_, values_.get());
    }
    return *this;
}

}  // namespace regiosim
