// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// A lambda that writes a variable it captured by reference, or what a
// pointer it captured points to, writes the memory of the function it was
// written in, not its closure's: a copy of the closure refers to the same
// memory. Called where it was made, that is the function's own local (fine
// in a pure function); handed to a template, a write through the
// template's parameter, which its caller maps to what the closure it
// passed captured (adv125 F1: a `[&] { c += 1; ... }` lambda handed to a
// `[[pure]]` template was "the closure's own member", the template was
// verified and a loop over it ran in parallel).
#include <algorithm>
#include <variant>
#include <vector>

[[pure]] long heavy(long i) { return i * 3; }

template <class F> long call2(F f, long x) { return f(x); } // expected-note {{'call2<(lambda)>' is not pure because it calls 'lambda at line 74', which is not pure}}
template <class F> long call_ref(const F &f, long x) { return f(x); }
template <class F> long call_fwd(F &&f, long x) { return std::forward<F>(f)(x); }
template <class F> long forward_on(F f, long x) { return call2(f, x) + call_ref(f, x); }
template <class F> long each(const std::vector<long> &v, F f) {
  std::for_each(v.begin(), v.end(), f);
  return 0;
}

// The [[pure]] template of adv125 F1: pure for a lambda that writes only
// its own copies, not for one writing what it captured by reference.
template <class F>
[[pure]] long apply(F f, long x) { // expected-note 3 {{'apply<(lambda)>' declared pure here}}
  return f(heavy(x)); // expected-error 3 {{pure function 'apply<(lambda)>' writes through parameter 'f'}}
}

// A pure function's own locals, written through closures wherever the
// closures go: by value, by reference, forwarded, copied on, run by an
// algorithm, nested.
[[pure]] long own_locals(const std::vector<long> &v, long n) {
  long c = 0, d = 0, e = 0;
  long *p = &d;
  auto bump = [&](long x) { c += 1; return x * c; };
  long t = call2(bump, n) + call_ref(bump, n) + call_fwd(bump, n) + forward_on(bump, n);
  t += call2([p](long x) { *p += x; return x; }, n);
  t += call2([&r = e](long x) { r += x; return x; }, n);
  t += call2([q = &e](long x) { *q += x; return x; }, n);
  t += call2([c](long x) mutable { c += x; return c; }, n); // the closure's own copy
  each(v, [&](long x) { e += x; });
  [&] { [&] { c += 2; }(); }();
  auto outer = [&](long x) { return call2([&](long y) { d += y; return y; }, x); };
  t += call2(outer, n);
  return t + c + d + e;
}

// Through a parameter: what the caller passed, a local of a pure caller
// (fine) or a global (a write of the global).
long out_param(long &out, long n) {
  return call2([&](long x) { out += x; return x; }, n); // expected-note {{'out_param' writes through its parameter 'out' here}}
}
long out_pointer(long *out, long n) {
  return call2([out](long x) { *out += x; return x; }, n); // expected-note {{'out_pointer' writes through its parameter 'out' here}}
}
long g_out = 0;
[[pure]] long local_out(long n) {
  long o = 0;
  return out_param(o, n) + out_pointer(&o, n) + o;
}
[[pure]] long global_out(long n) { // expected-note 2 {{'global_out' declared pure here}}
  return out_param(g_out, n) + // expected-error {{pure function 'global_out' writes to global 'g_out'}}
         out_pointer(&g_out, n); // expected-error {{pure function 'global_out' writes to global 'g_out'}}
}

long g_total = 0;
[[pure]] long global_ref(long n) { // expected-note {{'global_ref' declared pure here}}
  long &r = g_total;
  return call2([&](long x) { r += x; return x; }, n); // expected-error {{pure function 'global_ref' calls 'call2<(lambda)>', which is not pure}} expected-note {{'lambda at line 74' is not pure because it writes to global 'g_total'}}
}

// Declared pure itself, a lambda writes outside its call.
[[pure]] long declared_lambda(long n) {
  long c = 0;
  long *p = &c;
  auto step = [&c] [[pure]] (long x) { c += x; return c; }; // expected-error {{pure function 'lambda at line 81' writes to 'c', which it captured by reference}} expected-note {{'lambda at line 81' declared pure here}}
  auto poke = [p] [[pure]] (long x) { *p = x; return x; }; // expected-error {{pure function 'lambda at line 82' writes through 'p', which it captured}} expected-note {{'lambda at line 82' declared pure here}}
  auto own = [c] [[pure]] (long x) { return c + x; };
  return step(n) + poke(n) + own(n);
}

// std::visit over an `overloaded` visitor made of lambdas.
template <class... Ts> struct overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> overloaded(Ts...) -> overloaded<Ts...>;
[[pure]] long visits(const std::variant<long, double> &v) {
  long s = 0;
  std::visit(overloaded{[&](long i) { s += i; }, [&](double d) { s += long(d); }}, v);
  return s;
}
long visits_out(const std::variant<long, double> &v, long &s) {
  std::visit(overloaded{[&](long i) { s += i; }, [&](double d) { s += long(d); }}, v);
  return s;
}
[[pure]] long visits_local(const std::variant<long, double> &v) {
  long s = 1;
  return visits_out(v, s);
}

template <class F> struct Runner {
  F f;
  long run(long x) const { return f(x); } // expected-note {{'Runner<(lambda)>::run' is not pure because it writes through a pointer that may point to memory it does not own}}
};

// A closure kept in a member: what it captured is not followed (a write
// refused all the same).
[[pure]] long kept_in_member(long n) { // expected-note {{'kept_in_member' declared pure here}}
  long c = 0;
  auto bump = [&](long x) { c += x; return x; };
  Runner<decltype(bump)> r{bump};
  return r.run(n) + c; // expected-error {{pure function 'kept_in_member' calls 'Runner<(lambda)>::run', which is not pure}}
}

int main() {
  long c = 0, d = 0;
  long *p = &d;
  long t = apply([&](long x) { c += 1; return x * c; }, 1); // expected-note {{in instantiation of function template specialization 'apply<(lambda)>' requested here}} expected-note {{'lambda at line 121' modifies 'c' here, which it captured by reference}}
  t += apply([p](long x) { *p += 1; return x; }, 2); // expected-note {{in instantiation of function template specialization 'apply<(lambda)>' requested here}} expected-note {{'lambda at line 122' writes through 'p' here, which it captured}}
  t += apply([&r = c](long x) { r += 1; return x; }, 3); // expected-note {{in instantiation of function template specialization 'apply<(lambda)>' requested here}} expected-note {{'lambda at line 123' modifies 'r' here, which it captured by reference}}
  t += apply([c](long x) mutable { return c += x; }, 4);
  t += apply([&](long x) { return x * c; }, 5);
  t += Runner<decltype([](long x) { return x; })>{}.run(6);
  return int(t + c + d);
}
