// default_fenv.h — puts the test thread's floating-point environment back
// to the one every program starts in when a test ends, pass or fail, so
// that a test under FE_UPWARD or an enabled trap cannot change the next.
//
//   TEST(X, Y) { DefaultFenv restore; std::fesetround(FE_UPWARD); ... }
#pragma once

#include <cfenv>

/// Restores round-to-nearest, no traps and no flags at the end of a scope.
struct DefaultFenv {
  ~DefaultFenv() {
    std::fesetround(FE_TONEAREST);
#if defined(__GLIBC__)
    fedisableexcept(FE_ALL_EXCEPT);
#endif
    std::feclearexcept(FE_ALL_EXCEPT);
  }
};
