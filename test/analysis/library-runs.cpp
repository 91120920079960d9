// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// Members of user types that library templates run (LibraryRuns.h): the
// table says make_unique, push_back and sort are pure, and the instantiation
// says which constructor, destructor or operator they run on the user's type.
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

int g_made, g_freed, g_copies, g_compares;

struct Log { ~Log() { ++g_freed; } int v = 0; }; // expected-note {{'Log::~Log' is not pure because it writes to global 'g_freed'}}
[[pure]] int drop(int x) { // expected-note {{'drop' declared pure here}}
  auto p = std::make_unique<Log>(); // expected-error {{pure function 'drop' calls 'Log::~Log', which is not pure}} expected-note {{the destructor of 'std::unique_ptr<Log>' destroys a 'Log' here}}
  p->v = x;
  return p->v;
}

struct Conn { explicit Conn(int p) : port(p) { ++g_made; } int port; }; // expected-note 2 {{'Conn::Conn' is not pure because it writes to global 'g_made'}}
[[pure]] int open_one(int p) { // expected-note {{'open_one' declared pure here}}
  auto c = std::make_unique<Conn>(p); // expected-error {{pure function 'open_one' calls 'Conn::Conn', which is not pure}} expected-note {{'std::make_unique' constructs a 'Conn' here}}
  return c->port;
}
[[pure]] int open_opt(int p) { // expected-note {{'open_opt' declared pure here}}
  std::optional<Conn> c;
  c.emplace(p); // expected-error {{pure function 'open_opt' calls 'Conn::Conn', which is not pure}} expected-note {{'std::optional<Conn>::emplace' constructs a 'Conn' here}}
  return c->port;
}

struct Rec {
  int v;
  explicit Rec(int x) : v(x) {}
  Rec(const Rec &o) : v(o.v) { ++g_copies; } // expected-note 4 {{'Rec::Rec' is not pure because it writes to global 'g_copies'}}
};
[[pure]] std::size_t keep(const Rec &r) { // expected-note {{'keep' declared pure here}}
  std::vector<Rec> v;
  v.push_back(r); // expected-error {{pure function 'keep' calls 'Rec::Rec', which is not pure}} expected-note {{'std::vector<Rec>::push_back' copies a 'Rec' here}}
  return v.size();
}

struct Key {
  int k;
  bool operator<(const Key &o) const { ++g_compares; return k < o.k; } // expected-note 2 {{'Key::operator<' is not pure because it writes to global 'g_compares'}}
};
[[pure]] int smallest(std::vector<Key> v) { // expected-note {{'smallest' declared pure here}}
  std::sort(v.begin(), v.end()); // expected-error {{pure function 'smallest' calls 'Key::operator<', which is not pure}} expected-note {{'std::sort' calls 'Key::operator<' here}}
  return v.empty() ? 0 : v.front().k;
}
// The comparator std::set<Key> runs is std::less<Key>, which calls Key::operator<:
// reported once per function, at the first insert.
[[pure]] std::size_t distinct(Key a, Key b) { // expected-note {{'distinct' declared pure here}}
  std::set<Key> s;
  s.insert(a); // expected-error {{pure function 'distinct' calls 'Key::operator<', which is not pure}} expected-note {{'std::set<Key>::insert' calls 'Key::operator<' here}}
  s.insert(b);
  return s.size();
}

// Pure members run by the library keep the caller pure.
struct Pt { int x = 0; Pt() = default; Pt(const Pt &o) : x(o.x + 0) {} ~Pt() {} };
[[pure]] int fine(int n) {
  std::vector<Pt> v(static_cast<std::size_t>(n > 0 ? n : 1));
  std::vector<Pt> w = v;
  std::map<int, Pt> m;
  m[n].x = n;
  return static_cast<int>(w.size()) + m[n].x;
}
// std::make_shared destroys its object in the control block's virtual
// member, which no body names: read as destroying a 'M', like make_unique.
long g_shared_freed = 0;
struct Shared { long v = 0; ~Shared() { ++g_shared_freed; } }; // expected-note 2 {{'Shared::~Shared' is not pure because it writes to global 'g_shared_freed'}}
[[pure]] long share(long x) { // expected-note {{'share' declared pure here}}
  auto sp = std::make_shared<Shared>(); // expected-error {{pure function 'share' calls 'Shared::~Shared', which is not pure [purecc-impure-call]}} expected-note {{'std::make_shared' destroys a 'Shared' here}}
  return x + sp->v;
}
[[pure]] long share_all(long x) { // expected-note {{'share_all' declared pure here}}
  std::vector<std::shared_ptr<Shared>> v;
  v.push_back(std::make_shared<Shared>()); // expected-error {{pure function 'share_all' calls 'Shared::~Shared', which is not pure [purecc-impure-call]}} expected-note {{'std::make_shared' destroys a 'Shared' here}}
  return x + (long)v.size();
}
struct Inert { long v = 0; };
[[pure]] long share_inert(long x) { auto sp = std::make_shared<Inert>(); return x + sp->v; }

// A library constructor keeps the callables it is given to call later: the
// deleter of a 'unique_ptr' or 'shared_ptr' (adv24 S7: a lambda deleter
// that counted deletions raced), also converted to a function pointer.
long g_deleted = 0;
struct Res { long v = 0; };
struct Dropper { void operator()(Res *r) const { ++g_deleted; delete r; } }; // expected-note {{'Dropper::operator()' is not pure because it writes to global 'g_deleted'}}
[[pure]] long del_functor(long x) { // expected-note {{'del_functor' declared pure here}}
  std::unique_ptr<Res, Dropper> p(new Res); // expected-error {{pure function 'del_functor' calls 'Dropper::operator()', which is not pure [purecc-impure-call]}} expected-note {{the destructor of 'std::unique_ptr<Res, Dropper>' calls 'Dropper::operator()' here}}
  return x + p->v;
}
[[pure]] long del_lambda(long x) { // expected-note {{'del_lambda' declared pure here}}
  auto d = [](Res *r) { ++g_deleted; delete r; }; // expected-note {{'lambda at line 97' is not pure because it writes to global 'g_deleted'}}
  std::unique_ptr<Res, decltype(d)> p(new Res, d); // expected-error {{pure function 'del_lambda' calls 'lambda at line 97', which is not pure [purecc-impure-call]}}
  return x + p->v;
}
[[pure]] long del_pointer(long x) { // expected-note {{'del_pointer' declared pure here}}
  std::unique_ptr<Res, void (*)(Res *)> p(new Res, [](Res *r) { ++g_deleted; delete r; }); // expected-error {{pure function 'del_pointer' calls 'lambda at line 102', which is not pure [purecc-impure-call]}} expected-note {{'lambda at line 102' is not pure because it writes to global 'g_deleted'}}
  return x + p->v;
}
[[pure]] long del_shared(long x) { // expected-note {{'del_shared' declared pure here}}
  std::shared_ptr<Res> p(new Res, [](Res *r) { ++g_deleted; delete r; }); // expected-error {{pure function 'del_shared' calls 'lambda at line 106', which is not pure [purecc-impure-call]}} expected-note {{'lambda at line 106' is not pure because it writes to global 'g_deleted'}}
  return x + p->v;
}
[[pure]] long sort_plus(std::vector<long> v) { // expected-note {{'sort_plus' declared pure here}}
  std::sort(v.begin(), v.end(), +[](long a, long b) { ++g_deleted; return a < b; }); // expected-error {{pure function 'sort_plus' calls 'lambda at line 110', which is not pure [purecc-impure-call]}} expected-note {{'lambda at line 110' is not pure because it writes to global 'g_deleted'}}
  return v.empty() ? 0 : v[0];
}
// A deleter that only deletes keeps the caller pure.
[[pure]] long del_plain(long x) {
  std::unique_ptr<Res, void (*)(Res *)> p(new Res, [](Res *r) { delete r; });
  auto d = [](Res *r) { delete r; };
  std::shared_ptr<Res> q(new Res, d);
  return x + p->v + q->v;
}

// std::optional and std::variant construct their value in storage whose
// constructor they inherit (`using Base::Base;`): the inherited constructor
// runs the user's copy (adv29 F1).
#include <variant>
[[pure]] int copied_optional(const Rec &r) { // expected-note {{'copied_optional' declared pure here}}
  std::optional<Rec> o = r; // expected-error {{pure function 'copied_optional' calls 'Rec::Rec', which is not pure}} expected-note {{the constructor of 'std::optional<Rec>' copies a 'Rec' here}}
  return o->v;
}
[[pure]] int made_optional(const Rec &r) { // expected-note {{'made_optional' declared pure here}}
  auto o = std::make_optional(r); // expected-error {{pure function 'made_optional' calls 'Rec::Rec', which is not pure}} expected-note {{'std::make_optional' copies a 'Rec' here}}
  return o->v;
}
[[pure]] int copied_variant(const Rec &r) { // expected-note {{'copied_variant' declared pure here}}
  std::variant<long, Rec> v = r; // expected-error {{pure function 'copied_variant' calls 'Rec::Rec', which is not pure}} expected-note {{the constructor of 'std::variant<long, Rec>' copies a 'Rec' here}}
  return std::get<1>(v).v;
}

// What a member run on the caller's elements writes is written there: a
// copy constructor's source, a const member's `mutable` state, a
// comparator or hash a container keeps (adv81 B1: each passed as pure, and
// a copy counter raced at 2 threads).
#include <functional>
#include <ranges>
#include <tuple>
#include <unordered_set>
struct Cell { long v = 0; mutable long copies = 0; Cell() = default; Cell(const Cell &o) : v(o.v) { ++o.copies; } }; // expected-note 5 {{'Cell::Cell' writes through its parameter 'o' here}}
struct Probe { long v = 0; mutable long probes = 0; bool operator<(const Probe &o) const { ++probes; return v < o.v; } }; // expected-note 3 {{'Probe::operator<' modifies its object here}}
struct Counting { mutable long n = 0; bool operator()(long a, long b) const { ++n; return a < b; } }; // expected-note 3 {{'Counting::operator()' modifies its object here}}
struct Hashing { mutable long n = 0; std::size_t operator()(long a) const { ++n; return std::size_t(a); } }; // expected-note {{'Hashing::operator()' modifies its object here}}
[[pure]] long copied_cells(const std::vector<Cell> &v) { std::vector<Cell> w = v; return long(w.size()); } // expected-error {{pure function 'copied_cells' writes through parameter 'v' [purecc-param-write]}} expected-note {{'copied_cells' declared pure here}}
[[pure]] long paired_cell(const Cell &c) { auto p = std::make_pair(c, 1); return p.first.v; } // expected-error {{pure function 'paired_cell' writes through parameter 'c' [purecc-param-write]}} expected-note {{'paired_cell' declared pure here}}
[[pure]] long optional_cell(const std::optional<Cell> &o) { std::optional<Cell> c = o; return c->v; } // expected-error {{pure function 'optional_cell' writes through parameter 'o' [purecc-param-write]}} expected-note {{'optional_cell' declared pure here}}
[[pure]] long pushed_cell(const std::vector<Cell> &v) { std::vector<Cell> w; w.push_back(v[0]); return long(w.size()); } // expected-error {{pure function 'pushed_cell' writes through parameter 'v' [purecc-param-write]}} expected-note {{'pushed_cell' declared pure here}}
[[pure]] long value_or_cell(const std::optional<Cell> &o) { return o.value_or(Cell{}).v; } // expected-error {{pure function 'value_or_cell' writes through parameter 'o' [purecc-param-write]}} expected-note {{'value_or_cell' declared pure here}}
[[pure]] bool probes_less(const std::vector<Probe> &a, const std::vector<Probe> &b) { return a < b; } // expected-error {{pure function 'probes_less' writes through parameter 'a' [purecc-param-write]}} expected-note {{'probes_less' declared pure here}}
[[pure]] bool tuple_less(const std::tuple<Probe> &a, const std::tuple<Probe> &b) { return a < b; } // expected-error {{pure function 'tuple_less' writes through parameter 'a' [purecc-param-write]}} expected-note {{'tuple_less' declared pure here}}
[[pure]] bool has_probe(const std::set<Probe> &s, const Probe &k) { return s.count(k); } // expected-error {{pure function 'has_probe' writes through parameter 's' [purecc-param-write]}} expected-note {{'has_probe' declared pure here}}
[[pure]] bool counted_less(const std::set<long, Counting> &s, long k) { return s.count(k); } // expected-error {{pure function 'counted_less' writes through parameter 's' [purecc-param-write]}} expected-note {{'counted_less' declared pure here}}
[[pure]] bool hashed(const std::unordered_set<long, Hashing> &s, long k) { return s.count(k); } // expected-error {{pure function 'hashed' writes through parameter 's' [purecc-param-write]}} expected-note {{'hashed' declared pure here}}
[[pure]] bool sorted_by(const std::vector<long> &v, const Counting &cmp) { return std::is_sorted(v.begin(), v.end(), std::cref(cmp)); } // expected-error {{pure function 'sorted_by' writes through parameter 'cmp' [purecc-param-write]}} expected-error {{pure function 'sorted_by' writes through parameter 'v' [purecc-param-write]}} expected-note 2 {{'sorted_by' declared pure here}}
// Its own copies and containers: nothing of the caller's is written.
struct Plain { long v = 0; };
[[pure]] long own_copies(const std::vector<Plain> &v) {
  std::vector<Plain> w;
  w = v;
  std::set<Probe> s;
  s.insert(Probe{});
  std::vector<Cell> a(2), b = a;
  return long(w.size() + s.count(Probe{}) + b.size());
}

// A member function given as a projection or callable runs on the
// elements; on pointer elements, on what they point to (adv81 B2).
struct Ticker { long v = 0; long tick() { return ++v; } long get() const { return v; } }; // expected-note 3 {{'Ticker::tick' modifies its object here}}
[[pure]] long ticks(const std::vector<Ticker *> &v) { return std::ranges::count(v, 3L, &Ticker::tick); } // expected-error {{pure function 'ticks' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'ticks' declared pure here}}
[[pure]] long ticks_each(const std::vector<Ticker *> &v) { std::ranges::for_each(v, &Ticker::tick); return 1; } // expected-error {{pure function 'ticks_each' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'ticks_each' declared pure here}}
[[pure]] bool ticks_sorted(const std::vector<Ticker *> &v) { return std::ranges::is_sorted(v, {}, &Ticker::tick); } // expected-error {{pure function 'ticks_sorted' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'ticks_sorted' declared pure here}}
[[pure]] long reads_ticks(const std::vector<Ticker *> &v) { return std::ranges::count(v, 3L, &Ticker::get); }
[[pure]] long own_ticks() { std::vector<Ticker> w(3); std::ranges::for_each(w, &Ticker::tick); return std::ranges::count(w, 1L, &Ticker::get); }

// A function object taken by reference is called as the caller's object
// (std::invoke, std::visit, std::apply, a std::cref called): its `mutable`
// state is the caller's (adv83 F1). Members run through smart pointers and
// arrays of pointers run on what they point to (adv83 F2). A container
// being made keeps its own comparator, and default arguments are the
// library's (adv83 F8: both were false errors).
#include <memory>
#include <variant>
struct Counter { mutable long n = 0; long operator()(long v) const { return v * ++n; } }; // expected-note 4 {{'Counter::operator()' modifies its object here}}
[[pure]] long invoked(const Counter &c, long x) { return std::invoke(c, x); } // expected-error {{pure function 'invoked' writes through parameter 'c' [purecc-param-write]}} expected-note {{'invoked' declared pure here}}
[[pure]] long visited(const Counter &c, const std::variant<long> &v) { return std::visit(c, v); } // expected-error {{pure function 'visited' writes through parameter 'c' [purecc-param-write]}} expected-note {{'visited' declared pure here}}
[[pure]] long applied(const Counter &c, const std::tuple<long> &t) { return std::apply(c, t); } // expected-error {{pure function 'applied' writes through parameter 'c' [purecc-param-write]}} expected-note {{'applied' declared pure here}}
[[pure]] long wrapped(const Counter &c, long x) { return std::cref(c)(x); } // expected-error {{pure function 'wrapped' writes through parameter 'c' [purecc-param-write]}} expected-note {{'wrapped' declared pure here}}
[[pure]] long own_counter(long x) { Counter c; return std::invoke(c, x) + std::invoke(Counter{}, x); }
struct Tick2 { long v = 0; long tick() noexcept { return ++v; } }; // expected-note 3 {{'Tick2::tick' modifies its object here}}
[[pure]] long owned_ticks(const std::vector<std::unique_ptr<Tick2>> &t, long i) { return std::ranges::count(t, i, &Tick2::tick); } // expected-error {{pure function 'owned_ticks' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'owned_ticks' declared pure here}}
[[pure]] long array_ticks(Tick2 *const (&a)[2], long i) { return std::ranges::count(a, i, &Tick2::tick); } // expected-error {{pure function 'array_ticks' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'array_ticks' declared pure here}}
[[pure]] long invoked_tick(const std::unique_ptr<Tick2> &p) { return std::invoke(&Tick2::tick, p); } // expected-error {{pure function 'invoked_tick' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'invoked_tick' declared pure here}}
[[pure]] long made_set(const std::vector<long> &v) {
  std::set<long, Counting> s(v.begin(), v.end());
  std::unordered_set<long, Hashing> h(v.begin(), v.end());
  h.insert(v.begin(), v.end());
  Cell c, d;
  std::vector<Cell> w{c, d};
  return long(s.size() + h.count(1) + w.size());
}

// A reference wrapper called runs what it refers to, not the wrapper (it
// was taken for the wrapper's: a std::reference_wrapper parameter passed).
// A value of the program's own class among the arguments is not a range
// whose elements may be pointers (`Key{3}` made a local vector's elements
// memory the function does not own: a false error).
struct Stamp { mutable long n = 0; long operator()(long v) const { return v * ++n; } }; // expected-note 2 {{'Stamp::operator()' modifies its object here}}
[[pure]] long stamped(std::reference_wrapper<const Stamp> r, long x) { return r(x); } // expected-error {{pure function 'stamped' writes through parameter 'r' [purecc-param-write]}} expected-note {{'stamped' declared pure here}}
[[pure]] long stamped_ref(const std::reference_wrapper<const Stamp> &r, long x) { return r(x); } // expected-error {{pure function 'stamped_ref' writes through parameter 'r' [purecc-param-write]}} expected-note {{'stamped_ref' declared pure here}}
[[pure]] long own_stamp(long x) { Stamp s; return std::ref(s)(x) + std::cref(s)(x); }
struct Bumped { long v = 0; long bump() { return ++v; } }; // expected-note {{'Bumped::bump' modifies its object here}}
struct Tally { long k; operator long() const { return k; } };
[[pure]] long own_bumps() { std::vector<Bumped> v(3); return std::ranges::count(v, Tally{1}, &Bumped::bump); }
[[pure]] long their_bumps(const std::vector<Bumped *> &v) { return std::ranges::count(v, Tally{1}, &Bumped::bump); } // expected-error {{pure function 'their_bumps' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'their_bumps' declared pure here}}
// The library's own function object through a reference wrapper: an
// engine advanced (adv87 F08), called or given to std::invoke.
#include <random>
[[pure]] long draw(std::reference_wrapper<std::mt19937> e) { return long(e()); } // expected-error {{pure function 'draw' writes through parameter 'e' [purecc-param-write]}} expected-note {{'draw' declared pure here}}
[[pure]] long draw_invoked(std::reference_wrapper<std::mt19937> e) { return long(std::invoke(e)); } // expected-error {{pure function 'draw_invoked' writes through parameter 'e' [purecc-param-write]}} expected-note {{'draw_invoked' declared pure here}}
[[pure]] long draw_own(long seed) { std::mt19937 g(seed); auto r = std::ref(g); return long(r() + std::invoke(r)); }
[[pure]] bool compare(std::reference_wrapper<const std::less<long>> l) { return l(1, 2); }
// A deleter runs on the pointer its smart pointer owns: one made here is
// the function's own (adv86 F1: a false error that kept mapbox::earcut
// from being pure); one given by the caller is the caller's.
struct Clear { void operator()(long *p) const { *p = 0; delete p; } };
[[pure]] long cleared(long n) { std::unique_ptr<long, Clear> u(new long(n), Clear{}); std::shared_ptr<long> s(new long(n), Clear{}); return *u + *s; }
[[pure]] long cleared_theirs(long *q) { std::unique_ptr<long, Clear> u(q, Clear{}); return 0; } // expected-error {{pure function 'cleared_theirs' takes parameter 'q' by pointer to non-const [purecc-param-indirection]}} expected-error {{pure function 'cleared_theirs' writes through parameter 'q' [purecc-param-write]}} expected-note 2 {{'cleared_theirs' declared pure here}}
