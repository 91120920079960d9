#pragma once
[[pure]] inline long norm(long x) { long r = 0; for (long i = x < 0 ? x : -x; i < 0; ++i) ++r; return r; }
[[pure]] inline long twice(long x) { return norm(x) + norm(x); }
inline long half(long x) { return x / 2; }
