// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// std::any runs the copy constructor, move constructor or destructor of
// the object it holds, of a type it erased where it was put in; a
// std::shared_ptr runs the deleter it was made with. Filled by
// the caller, that is the caller's code, which purecc cannot see (adv87
// F14: each passed). Filled here, it is in sight.
#include <any>
#include <memory>
#include <utility>

[[pure]] long copy_any(const std::any &a) { std::any b = a; return b.has_value(); } // expected-error {{pure function 'copy_any' calls the constructor of 'std::any', which copies or moves what it holds, of a type it cannot see, with that type's own code [purecc-impure-library]}} expected-note {{'copy_any' declared pure here}}
[[pure]] long drop_any(std::any a) { a.reset(); return 0; } // expected-error {{pure function 'drop_any' calls 'std::any::reset', which destroys what it holds, of a type it cannot see, with that type's own code [purecc-impure-library]}} expected-note {{'drop_any' declared pure here}}
[[pure]] long move_any(std::any a) { std::any b = std::move(a); return b.has_value(); } // expected-error {{pure function 'move_any' calls the constructor of 'std::any', which copies or moves what it holds, of a type it cannot see, with that type's own code [purecc-impure-library]}} expected-note {{'move_any' declared pure here}}
[[pure]] long assign_any(std::any a) { a = 5L; return 0; } // expected-error {{pure function 'assign_any' calls 'std::any::operator=', which destroys what it holds, of a type it cannot see, with that type's own code [purecc-impure-library]}} expected-note {{'assign_any' declared pure here}}
[[pure]] long drop(std::shared_ptr<const long> sp) { sp.reset(); return 0; } // expected-error {{pure function 'drop' calls 'std::shared_ptr<const long>::reset', which may end the last owner the caller gave it and run a deleter it cannot see [purecc-impure-library]}} expected-note {{'drop' declared pure here}}
[[pure]] long take(std::shared_ptr<const long> sp) { auto q = std::move(sp); return *q; } // expected-error {{pure function 'take' calls the constructor of 'std::shared_ptr<const long>', which may end the last owner the caller gave it and run a deleter it cannot see [purecc-impure-library]}} expected-note {{'take' declared pure here}}

// Filled here: the code is in sight.
[[pure]] long own_any(long x) {
  std::any a = x;
  std::any b = a;
  b.reset();
  a = 2L;
  return std::any_cast<long>(a) + b.has_value();
}
// Reading a shared pointer, or copying it (the caller's copy outlives it).
[[pure]] long share(std::shared_ptr<const long> sp) { auto q = sp; q.reset(); return *sp; }
[[pure]] long own_shared(long x) {
  auto p = std::make_shared<long>(x);
  auto q = std::move(p);
  q.reset(new long(x + 1));
  return *q;
}
// Swapped or exchanged, and handed over by rvalue reference (adv91 F6).
[[pure]] long swap_any(std::any a, std::any b) { std::swap(a, b); return 0; } // expected-error {{pure function 'swap_any' calls 'std::swap', which copies or moves what it holds, of a type it cannot see, with that type's own code [purecc-impure-library]}} expected-note {{'swap_any' declared pure here}}
[[pure]] long exchange_any(std::any a) { std::any old = std::exchange(a, std::any{}); return old.has_value(); } // expected-error {{pure function 'exchange_any' calls 'std::exchange', which copies or moves what it holds, of a type it cannot see, with that type's own code [purecc-impure-library]}} expected-note {{'exchange_any' declared pure here}}
[[pure]] long exchange_shared(std::shared_ptr<const long> sp) { auto q = std::exchange(sp, nullptr); return *q; } // expected-error {{pure function 'exchange_shared' calls 'std::exchange', which may end the last owner the caller gave it and run a deleter it cannot see [purecc-impure-library]}} expected-note {{'exchange_shared' declared pure here}}
[[pure]] long handed(std::shared_ptr<long> &&sp) { sp.reset(); return 0; } // expected-error {{pure function 'handed' calls 'std::shared_ptr<long>::reset', which may end the last owner the caller gave it and run a deleter it cannot see [purecc-impure-library]}} expected-note {{'handed' declared pure here}}
