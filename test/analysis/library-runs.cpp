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
