// purecc/fp_environment.h — the floating-point settings a memo namespace must keep apart.
//
// Why: a shared memo tier (purecc/shared_store.h) hands one machine's
// results to every other. A result computed with -ffast-math, or by code
// that contracts a*b+c into one FMA instruction (GCC does so by default
// once -march/-mfma enables FMA), can differ in its last bits from the
// same call built without; a cache must never return it to a build that
// would have computed something else. These macros expand in the *calling*
// translation unit (like PURECC_COMPILER_ID in purecc/memo_key.h), so the
// namespace describes the flags the user's code was compiled with.
//
// What the preprocessor can see, and so what is keyed: -ffast-math,
// -ffinite-math-only, FMA instructions being available (__FMA__, or
// __FP_FAST_FMA on targets that always have them), the excess-precision
// evaluation method (x87), the architecture, and whether the optimizer
// runs (__OPTIMIZE__, __OPTIMIZE_SIZE__). What it cannot see, and
// so is not keyed: -ffp-contract=off/on/fast on its own, -frounding-math,
// and -fno-signed-zeros or -fno-trapping-math given without -ffast-math.
//
// Usage:
//   std::puts(PURECC_FP_ID);   // e.g. "; fp eval=0 fma x86_64 optimize"
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#define PURECC_FP_STR_(x) #x
#define PURECC_FP_STR(x) PURECC_FP_STR_(x)

#if defined(__FAST_MATH__)
#define PURECC_FP_FAST_MATH_ " fast-math"
#else
#define PURECC_FP_FAST_MATH_ ""
#endif

#if defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__
#define PURECC_FP_FINITE_ " finite-math-only"
#else
#define PURECC_FP_FINITE_ ""
#endif

#if defined(__FMA__) || defined(__FP_FAST_FMA) || defined(__ARM_FEATURE_FMA)
#define PURECC_FP_FMA_ " fma"
#else
#define PURECC_FP_FMA_ ""
#endif

#if defined(__FLT_EVAL_METHOD__)
#define PURECC_FP_EVAL_ " eval=" PURECC_FP_STR(__FLT_EVAL_METHOD__)
#else
#define PURECC_FP_EVAL_ " eval=?"
#endif

#if defined(__x86_64__)
#define PURECC_FP_ARCH_ " x86_64"
#elif defined(__i386__)
#define PURECC_FP_ARCH_ " i386"
#elif defined(__aarch64__)
#define PURECC_FP_ARCH_ " aarch64"
#elif defined(__arm__)
#define PURECC_FP_ARCH_ " arm"
#elif defined(__powerpc64__)
#define PURECC_FP_ARCH_ " ppc64"
#elif defined(__riscv)
#define PURECC_FP_ARCH_ " riscv"
#elif defined(__s390x__)
#define PURECC_FP_ARCH_ " s390x"
#else
#define PURECC_FP_ARCH_ " other-arch"
#endif

// Whether the optimizer runs: it orders a `#pragma omp simd` reduction and
// g++ folds libm calls at compile time (adv95 F1); the exact level, which
// no macro shows, is in each fingerprint (purecc parses with the flags).
#if defined(__OPTIMIZE_SIZE__)
#define PURECC_FP_OPT_ " optimize=size"
#elif defined(__OPTIMIZE__)
#define PURECC_FP_OPT_ " optimize"
#else
#define PURECC_FP_OPT_ " optimize=none"
#endif

/// The floating-point part of the memo namespace, a string literal.
#define PURECC_FP_ID "; fp" PURECC_FP_EVAL_ PURECC_FP_FAST_MATH_ PURECC_FP_FINITE_ PURECC_FP_FMA_ PURECC_FP_ARCH_ PURECC_FP_OPT_
