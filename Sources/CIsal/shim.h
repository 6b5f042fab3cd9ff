#ifndef NBSHIP_CISAL_SHIM_H
#define NBSHIP_CISAL_SHIM_H

#include <isa-l.h>

/// The ISA-L release these headers belong to, e.g. 0x021e00 for 2.30.0 (`ISAL_VERSION` is a
/// function-like macro Swift cannot import).
static inline unsigned nbship_isal_version(void) {
    return ISAL_VERSION;
}

/// ISA-L's default level-buffer size for `level` (0 for level 0): the `ISAL_DEF_LVLn_DEFAULT`
/// macros are expressions Swift cannot import.
static inline unsigned nbship_isal_level_buffer_size(int level) {
    switch (level) {
    case 1: return ISAL_DEF_LVL1_DEFAULT;
    case 2: return ISAL_DEF_LVL2_DEFAULT;
    case 3: return ISAL_DEF_LVL3_DEFAULT;
    default: return 0;
    }
}

/// Which of ISA-L's deflate kernels this CPU runs, as far as their bytes go: on x86-64 the
/// SSE4.2, AVX and AVX2 kernels hash with the CRC32 instruction and give one output (checked
/// under qemu's CPU models), the generic C kernel hashes otherwise and gives another. Swift
/// cannot call `__builtin_cpu_supports`, hence this shim. 1: x86-64 with SSE4.2; 0: x86-64
/// without it; 3: aarch64 (its own kernels); 2: another architecture (generic C).
static inline int nbship_isal_kernel_family(void) {
#if defined(__x86_64__)
    return __builtin_cpu_supports("sse4.2") ? 1 : 0;
#elif defined(__aarch64__)
    return 3;
#else
    return 2;
#endif
}

#endif
