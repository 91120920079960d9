// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// An object given up with std::move may be moved from: handing over what
// the function does not own writes there (adv87 F06: `std::vector<long> w
// = std::move(*s.items)` emptied the caller's vector, and a parallel
// reader saw it empty). A function may move from its own locals, from what
// its rvalue-reference parameters were handed, and may "move" what is
// only copied (a trivially copyable object).
#include <memory>
#include <utility>
#include <vector>

struct Src { std::vector<long> *items; };
[[pure]] long steal(const Src &s) { std::vector<long> w = std::move(*s.items); return long(w.size()); } // expected-error {{pure function 'steal' writes through pointer member 'items' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'steal' declared pure here}}
[[pure]] long steal_shared(std::shared_ptr<std::vector<long>> sp) { auto w = std::move(*sp); return long(w.size()); } // expected-error {{pure function 'steal_shared' writes through parameter 'sp' [purecc-param-write]}} expected-note {{'steal_shared' declared pure here}}
[[pure]] long assign_from(const Src &s) { std::vector<long> w; w = std::move(*s.items); return long(w.size()); } // expected-error {{pure function 'assign_from' writes through pointer member 'items' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'assign_from' declared pure here}}
[[pure]] long append_from(const Src &s) { std::vector<std::vector<long>> w; w.push_back(std::move(*s.items)); return long(w.size()); } // expected-error {{pure function 'append_from' writes through pointer member 'items' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'append_from' declared pure here}}

// The program's own move constructor and assignment, and its own function
// taking an rvalue reference: the caller hands over, so the caller writes.
struct U {
  long v = 0;
  U() = default;
  U(U &&o) noexcept : v(o.v) { o.v = 0; }
  U &operator=(U &&o) noexcept { v = o.v; o.v = 0; return *this; }
};
struct USrc { U *u; };
[[pure]] long take(U &&u) { U mine = std::move(u); return mine.v; }
[[pure]] long steal_user(const USrc &s) { U x = std::move(*s.u); return x.v; } // expected-error {{pure function 'steal_user' writes through pointer member 'u' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'steal_user' declared pure here}}
[[pure]] long steal_cast(const USrc &s) { U x(static_cast<U &&>(*s.u)); return x.v; } // expected-error {{pure function 'steal_cast' writes through pointer member 'u' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'steal_cast' declared pure here}}
[[pure]] long assign_user(const USrc &s) { U x; x = std::move(*s.u); return x.v; } // expected-error {{pure function 'assign_user' writes through pointer member 'u' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'assign_user' declared pure here}}
[[pure]] long hand_over(const USrc &s) { return take(std::move(*s.u)); } // expected-error {{pure function 'hand_over' writes through pointer member 'u' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'hand_over' declared pure here}}
[[pure]] long hand_over_param(U &u) { return take(std::move(u)); } // expected-error {{pure function 'hand_over_param' takes parameter 'u' by non-const reference [purecc-param-indirection]}} expected-error {{pure function 'hand_over_param' writes through parameter 'u' [purecc-param-write]}} expected-note 2 {{'hand_over_param' declared pure here}}

// Its own: moved from freely.
[[pure]] long own(long n) {
  std::vector<long> v(n, 1);
  std::vector<long> w = std::move(v);
  U a;
  a.v = n;
  U b = std::move(a);
  long k = take(std::move(b)) + take(U{});
  std::vector<std::vector<long>> all;
  all.push_back(std::move(w));
  return k + long(all.size());
}
[[pure]] long pass_on(std::vector<long> &&v) { std::vector<long> w = std::move(v); return long(w.size()); }
// A trivially copyable object is copied, not moved from.
struct Pod { long a, b; };
struct PodSrc { Pod *p; };
[[pure]] long copy_pod(const PodSrc &s) { Pod q = std::move(*s.p); return q.a + q.b; }

// A move iterator hands over the elements it reaches (adv88 F1: the
// elements of the caller's vector were moved from unseen). A temporary
// moved, and a by-value std::shared_ptr moved into a container, are the
// function's own (adv88 F8: false errors).
#include <iterator>
#include <string>
struct Held { std::vector<std::string> *h; };
[[pure]] long take_all(const Held &s) { std::vector<std::string> w(std::make_move_iterator(s.h->begin()), std::make_move_iterator(s.h->end())); return long(w.size()); } // expected-error {{pure function 'take_all' writes through pointer member 'h' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'take_all' declared pure here}}
[[pure]] long assign_all(const Held &s) { std::vector<std::string> w; w.assign(std::make_move_iterator(s.h->begin()), std::make_move_iterator(s.h->end())); return long(w.size()); } // expected-error {{pure function 'assign_all' writes through pointer member 'h' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'assign_all' declared pure here}}
[[pure]] long own_moved_in(long n) { std::vector<std::string> v(n, "x"); auto b = std::make_move_iterator(v.begin()); std::vector<std::string> w(b, std::make_move_iterator(v.end())); return long(w.size()); }
[[pure]] long shared_in(std::shared_ptr<const std::string> p) { std::vector<std::shared_ptr<const std::string>> v; v.push_back(std::move(p)); return long(v[0]->size()); }
[[pure]] long temporaries(const std::string &s) { std::string w = std::move(std::string(s)); std::vector<std::string> all; all.push_back(std::move(s + "x")); return long(w.size() + all.size()); }
