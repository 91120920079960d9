// [[purecc::memo]] is an explicit request: what cannot be honoured is an error.
// RUN: not %purecc rewrite %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s
// RUN: not test -e %t.out.cpp

// CHECK: memo-errors.cpp:[[@LINE+1]]:3: error: 'unchecked' is marked 'purecc::memo' but is not pure [purecc-memo-not-pure]
[[purecc::memo]] long unchecked(long n) { return n + 1; }

// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'through': parameter 'p': 'const long *' is not a value type [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long through(const long *p) { return *p; }

struct Opaque {
  Opaque() = default;
  long get() const { return v; }

private:
  long v = 0;
};
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'of': parameter 'o': 'Opaque' is not a simple aggregate; specialize 'purecc::codec<Opaque>' for it [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long of(Opaque o) { return o.get(); }

// One text and one fingerprint would serve both instantiations: equal
// argument bytes of different types would share results.
template <class T>
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'half': it is a template instantiated with several argument lists [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] T half(T n) { return n / 2; }
long use_both() { return half(7L) + half(9); }
