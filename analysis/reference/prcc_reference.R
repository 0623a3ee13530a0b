#!/usr/bin/env Rscript
# Reference values for the partial rank correlations of regiosim::analysis
# (tests/analysis/test_sensitivity.cpp, "[prcc]"), computed with base R only, from the
# definition: rank, regress on the other ranks with lm, correlate the residuals.
#
#   Rscript analysis/reference/prcc_reference.R
#
# Prints (1) PRCC, Fisher-z interval (n - k - 2) and t-test p-value (n - k - 1 df) of a
# hand-made data set with ties, (2) cor.test on its ranks for one factor, and (3) a simulation
# of how often the interval misses a true 0, with the right and two wrong degrees of freedom.
# The test quotes these numbers; nothing here is taken from the C++ side.

x1 <- c(0.12, 0.55, 0.31, 0.87, 0.55, 0.02, 0.68, 0.44, 0.93, 0.21, 0.76, 0.39)
x2 <- c(3, 1, 2, 2, 3, 1, 1, 3, 2, 1, 3, 2)
x3 <- c(10.5, 7.1, 8.8, 12.0, 9.9, 6.4, 11.2, 7.7, 10.1, 8.0, 6.9, 9.3)
y  <- c(41, 30, 35, 52, 47, 20, 44, 39, 58, 25, 47, 33)

prcc <- function(X, y, level = 0.95) {
    R <- apply(X, 2, rank)
    ry <- rank(y)
    n <- nrow(R); k <- ncol(R)
    t(sapply(seq_len(k), function(j) {
        others <- R[, -j, drop = FALSE]
        r <- cor(residuals(lm(R[, j] ~ others)), residuals(lm(ry ~ others)))
        h <- qnorm((1 + level) / 2) / sqrt(n - k - 2)
        t <- r * sqrt((n - k - 1) / (1 - r^2))
        c(prcc = r, lower = tanh(atanh(r) - h), upper = tanh(atanh(r) + h),
          p = 2 * pt(-abs(t), n - k - 1))
    }))
}

cat("(1) PRCC of x1, x2, x3 with y\n")
print(prcc(cbind(x1, x2, x3), y), digits = 15)
cat("rank(x2):", rank(x2), "\nrank(y): ", rank(y), "\n")

cat("(2) one factor: cor.test(rank(x2), rank(y))\n")
ct <- cor.test(rank(x2), rank(y))
print(c(ct$estimate, ct$conf.int, p = ct$p.value), digits = 15)

cat("(3) null calibration, n = 20, k = 3, 4000 sets: share of intervals missing 0\n")
set.seed(1)
n <- 20; k <- 3; sets <- 4000
miss <- c(right = 0, n_minus_2 = 0, n_minus_3 = 0)
reject <- c(right = 0, cor_test_on_residuals = 0)
for (s in seq_len(sets)) {
    R <- apply(matrix(runif(n * k), n, k), 2, rank)
    ry <- rank(runif(n))
    others <- R[, -1]
    r <- cor(residuals(lm(R[, 1] ~ others)), residuals(lm(ry ~ others)))
    miss <- miss + (abs(atanh(r)) > qnorm(0.975) / sqrt(c(n - k - 2, n - 2, n - 3)))
    df <- c(n - k - 1, n - 2)
    reject <- reject + (2 * pt(-abs(r * sqrt(df / (1 - r^2))), df) < 0.05)
}
print(miss / sets)
print(reject / sets)
