#pragma once
// Function templates and a memoized function in a header: called as they
// are, each with a remark (outside-main-file.cpp).
template <class T> [[pure]] T spin(T x) { T r = x; for (int k = 0; k < 1000; ++k) r = (r * 7 + k) % 1000003; return r; }
template <class T> [[pure, purecc::memo]] T spun(T x) { return spin(x) + 1; }
[[pure, purecc::memo]] inline long settled(long x) { return spin(x) * 2; }
template <class T> [[pure]] T unused(T x) { return x; }
