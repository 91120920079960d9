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
