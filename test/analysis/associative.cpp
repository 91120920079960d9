// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// [[purecc::associative]] is the user's promise that a binary function or
// operator is associative; purecc checks what it can: that the function is
// pure (a compound assignment may write its left operand, nothing else) and
// that it takes two operands of one type and returns that type.
#include <string>

struct Mat {
  long a, b, c, d;
  // A member compound assignment writes its object: that is its job.
  [[purecc::associative]] Mat &operator*=(const Mat &o) {
    *this = Mat{a * o.a + b * o.c, a * o.b + b * o.d, c * o.a + d * o.c, c * o.b + d * o.d};
    return *this;
  }
};
[[purecc::associative]] Mat operator*(Mat x, const Mat &y) { return x *= y; }

struct Text {
  std::string s;
};
// A free compound assignment writes its first parameter.
[[purecc::associative]] Text &operator+=(Text &l, const Text &r) {
  l.s += r.s;
  return l;
}
[[purecc::associative]] Text operator+(const Text &l, const Text &r) { return Text{l.s + r.s}; }
[[purecc::associative]] long gcd_of(long a, long b) { return b == 0 ? a : gcd_of(b, a % b); }
template <class T> [[purecc::associative]] T combine(T a, T b) { return a + b; }
long use_combine = combine(1L, 2L) + combine(1, 2);

long g_calls = 0;
struct Counted {
  long v;
  [[purecc::associative]] Counted &operator+=(const Counted &o) { // expected-error {{'Counted::operator+=' is marked 'purecc::associative' but is not pure: it writes to global 'g_calls' [purecc-associative-not-pure]}}
    ++g_calls;
    v += o.v;
    return *this;
  }
};

void log_it(long);
[[purecc::associative]] long logged(long a, long b) { // expected-error {{'logged' is marked 'purecc::associative' but is not pure: it calls 'log_it', which is not pure [purecc-associative-not-pure]}}
  log_it(a);
  return a + b;
}

// Only a compound assignment may write its left operand.
[[purecc::associative]] Text join(Text &l, const Text &r) { // expected-error {{'join' is marked 'purecc::associative' but is not pure: it writes through parameter 'l' [purecc-associative-not-pure]}}
  l.s += r.s;
  return l;
}

// The shape of an associative operation: two operands of one type, and
// (unless it is a compound assignment) a result of that type.
[[purecc::associative]] long triple(long a, long b, long c) { return a + b + c; } // expected-error {{'triple' is marked 'purecc::associative' but does not take two operands [purecc-associative-operands]}}
[[purecc::associative]] Mat scale(const Mat &m, long k) { return Mat{m.a * k, m.b * k, m.c * k, m.d * k}; } // expected-error {{'scale' is marked 'purecc::associative' but its operands have different types ('Mat' and 'long') [purecc-associative-operands]}}
[[purecc::associative]] bool same(long a, long b) { return a == b; } // expected-error {{'same' is marked 'purecc::associative' but returns 'bool', not its operands' type 'long' [purecc-associative-operands]}}
