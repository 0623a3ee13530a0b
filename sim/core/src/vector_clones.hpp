#pragma once

// Marks a loop kernel to be compiled three times — AVX-512, AVX2 and the x86-64 baseline — with
// the CPU choosing one when the program loads. The clones compute bit-identical values: lane
// width does not change IEEE arithmetic, -ffp-contract=off keeps fused multiply-adds out, and
// the kernels use no vectorised libm. The kernels themselves are written without branches (both
// outcomes computed, one selected) so that each clone vectorises. The baseline clone splits each
// four-lane Block into SSE2 halves, which GCC 12 does badly: on a CPU without AVX2 (before 2013)
// the kernels run about four times slower (docs/performance.md).
#if defined(__clang__)
// clang checks the calling convention of a call before it inlines it, and refuses a 32-byte Block
// passed between an AVX clone and a helper compiled without AVX (vector_block.hpp), even an
// always-inlined one. clang builds only the fuzzer, which needs no fast clone; every clone
// computes the same bits.
#define REGIOSIM_VECTOR_CLONES
#else
#define REGIOSIM_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#endif
