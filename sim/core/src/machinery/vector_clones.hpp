#pragma once

// Marks a loop kernel to be compiled three times — AVX-512, AVX2 and the x86-64 baseline — with
// the CPU choosing one when the program loads. The clones compute bit-identical values: lane
// width does not change IEEE arithmetic, -ffp-contract=off keeps fused multiply-adds out, and
// the kernels use no vectorised libm. The kernels themselves are written without branches (both
// outcomes computed, one selected) so that each clone vectorises. For loops over plain arrays,
// which GCC vectorises at each clone's own width; kernels written on Blocks, whose width must
// follow the instruction set, use dispatch_by_isa (vector_block.hpp) instead.
#define REGIOSIM_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
