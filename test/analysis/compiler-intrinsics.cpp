// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// The compiler's intrinsics headers (clang's resource headers:
// <immintrin.h>, <float.h>) define inline functions with bodies, which the
// checker reads as it reads the program's: `_mm_mul_ps` is pure. A session
// that took these headers for the standard library's made every one of them
// "not known to be pure" (844b181, mended before its CI run).
// expected-no-diagnostics
#include <cfloat>
#include <immintrin.h>

[[pure]] float dot4(float a, float b) {
  __m128 x = _mm_set1_ps(a), y = _mm_set1_ps(b);
  return _mm_cvtss_f32(_mm_mul_ps(x, y)) + FLT_EPSILON;
}

int main() { return dot4(1, 2) > 0 ? 0 : 1; }
