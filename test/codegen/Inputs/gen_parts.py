#!/usr/bin/env python3
"""gen_parts.py — the second mode of gen_loops.py (`gen_loops.py SEED parts`).

A random C++ program of the shapes codegen learnt after the first mode was
written, each in a block that prints a hash of the exact bits of every value
it computed (NaN payloads and the sign of zero included):
- map stores into parts of elements: `p[i].x = f(i)`, several members of
  element i, nested members, `std::get<1>(t[i])`, `kv[i].second`, range-for
  and structured-binding stores, and reads of another element's part (an
  anti-dependence or a recurrence: must stay serial);
- 2-D row maps over vectors of vectors, C arrays and jagged rows, range-for
  rows, the inner loop of a nest whose outer loop is refused, and inner loops
  that read their own row elsewhere (serial);
- reductions into members, constant-index elements, structured bindings (by
  value and by reference), `std::complex` sums (exact-valued terms, so the
  tree's bits equal the serial loop's), ordered folds into parts with an
  associative user combine and string concatenations into members;
- terms through a local lambda or function pointer (captures by value and by
  reference, a pointer chosen by a ternary, a generic lambda, a `mutable`
  lambda, captures of what the loop writes);
- elements that hold references (`std::reference_wrapper`, tuples of
  references, reference members) to one or a few shared objects, and
  `std::vector<bool>`/`std::bitset` stores.
Bodies may `continue`, count down, or throw at a generated index (main
catches it and prints the partial state). The program is deterministic.
"""
import random

N_CHOICES = [0, 1, 7, 300, 3000]

PRELUDE = [
    "#include <algorithm>", "#include <array>", "#include <bitset>", "#include <cmath>",
    "#include <complex>", "#include <cstdint>", "#include <cstdio>", "#include <cstring>",
    "#include <functional>", "#include <stdexcept>", "#include <string>", "#include <tuple>",
    "#include <utility>", "#include <vector>",
    "#pragma GCC diagnostic ignored \"-Wsign-compare\"",
    "#pragma GCC diagnostic ignored \"-Wunused-variable\"",
    "#pragma GCC diagnostic ignored \"-Wunused-but-set-variable\"",
]

HELPERS = [
    "[[pure]] double fv(long i) {",
    "  long k = ((i % {m1}) + 13) % {m2};",
    "  if (k == 0) return std::sqrt(-1.0 - (i & 1));",
    "  if (k == 1) return -0.0;",
    "  if (k == 2) return 0.0;",
    "  if (k == 3) return std::log(0.0 * i);",
    "  if (k == 4) return -std::log(0.0 * i);",
    "  return std::sin(double(i)) * {s};",
    "}",
    # Exact values (small integers and both zeros): a sum of them has the
    # same bits in any order, so the runtime's tree must equal the loop.
    "[[pure]] double xv(long i) { long k = i % 11; return k == 3 ? -0.0 : k == 5 ? 0.0 : double(iv(i) % 1000); }",
    "[[pure]] long gl(long x) { return (x * {g1} + {g2}) % 1009 - 11; }",
    "[[pure]] std::string sv(long i) { return std::to_string(iv(i)) + (i % 3 ? \",\" : \";\"); }",
    "[[pure]] long chk(long i, long bad) {",
    "  if (i == bad) throw std::runtime_error(\"chk \" + std::to_string(i));",
    "  return iv(i);",
    "}",
    "struct P { long k; double x, y; };",
    "struct In { long b; double c; };",
    "struct Q { In a; long n; };",
    "struct Acc { long s = 0; long m = -1000; unsigned x = 1; long n = 0; double lo = HUGE_VAL, hi = -HUGE_VAL, d = -0.0; };",
    "struct Sig { std::complex<double> z{0.0, -0.0}; long tag = 3; };",
    "struct Mat { long a, b, c, d; };",
    "constexpr long kP = 1000003;",
    "[[purecc::associative]] Mat mul(Mat x, Mat y) {",
    "  return Mat{(x.a * y.a + x.b * y.c) % kP, (x.a * y.b + x.b * y.d) % kP,",
    "             (x.c * y.a + x.d * y.c) % kP, (x.c * y.b + x.d * y.d) % kP};",
    "}",
    "[[pure]] Mat rot(long i) { long k = (iv(i) % 97 + 97) % 97 + 1; return Mat{k, kP - i % 5 - 1, i % 5 + 1, k}; }",
    "struct Ord { Mat m{1, 0, 0, 1}; std::string s = \"<\"; long tag = 7; };",
    "struct Rf { long &r; long k; };",
    "unsigned long long H = 1469598103934665603ULL;",
    "void mixl(long v) { H = (H ^ (unsigned long long)v) * 1099511628211ULL; }",
    "void mix(double d) { unsigned long long b; std::memcpy(&b, &d, sizeof b); mixl((long)b); }",
    "void mixs(const std::string &s) { for (char c : s) mixl(c); mixl(long(s.size())); }",
    "void mixm(const Mat &m) { mixl(m.a), mixl(m.b), mixl(m.c), mixl(m.d); }",
    "void done(const char *w, int k) { std::printf(\"%s%d %016llx\\n\", w, k, H); H = 1469598103934665603ULL; }",
]


def iv_def(r):
    # As in the first mode: half the programs give iv a loop, so that loops
    # calling it are worth sharing at any trip count.
    if r.random() < 0.5:
        return ("[[pure]] long iv(long i) { long r = 0; for (int k = 0; k < 2; ++k) r += (i * %d + %d) %% %d; return r / 2 - %d; }"
                % (r.randrange(3, 99), r.randrange(0, 50), r.randrange(7, 500), r.randrange(0, 40)))
    return ("[[pure]] long iv(long i) { return (i * %d + %d) %% %d - %d; }"
            % (r.randrange(3, 99), r.randrange(0, 50), r.randrange(7, 500), r.randrange(0, 40)))


def loop(r, n, var="i", size=None, lo=0):
    """A loop over [lo, n) written in one of the usual ways."""
    forms = [f"for (long {var} = {lo}; {var} < {n}; ++{var})",
             f"for (long {var} = {n}; {var}-- > {lo};)",
             f"for (long {var} = {n} - 1; {var} >= {lo}; --{var})",
             f"for (int {var} = {lo}; {var} < int({n}); ++{var})"]
    if size and lo == 0:
        forms.append(f"for (std::size_t {var} = 0; {var} < {size}; ++{var})")
    return r.choice(forms)


def skip(r, var="i"):
    """Maybe a `continue` that skips some iterations."""
    if r.random() < 0.25:
        return [r.choice([f"    if (iv({var}) % 3 == 0) continue;", f"    if ({var} % 4 == 1) continue;"])]
    return []


def throwing(r, n):
    """Where a term throws (None: it does not)."""
    if r.random() < 0.2:
        return r.choice([0, n // 2, n - 1, -5]) if n else -5
    return None


def wrap(body, after, k, bad):
    """A block whose loop may throw: main catches it and prints what the
    loop left behind."""
    if bad is None:
        return body
    return (["  try {"] + body +
            [f"  }} catch (const std::exception &e) {{ std::printf(\"caught{k} %s\\n\", e.what()); }}"])


def shape_mem(r, k):
    n = r.choice(N_CHOICES)
    bad = throwing(r, n)
    t = f"chk(i, {bad})" if bad is not None else "iv(i)"
    decl = [f"  {{ const long n = {n};",
            "  std::vector<P> p(n); std::vector<Q> q(n); std::vector<std::tuple<long, long>> t(n);",
            "  std::vector<std::pair<long, double>> kv(n);",
            "  for (long i = 0; i < n; ++i) { p[i] = P{i * 3 % 17, 0.5 * double(i), -1.0}; q[i].n = i;"
            " t[i] = {i % 5, -i}; kv[i].first = 2 * i; }"]
    form = r.choice(["one", "two", "nested", "get", "pair", "cond", "ahead", "behind", "other",
                     "rangefor", "binding", "rangeother"])
    if form in ("ahead", "behind"):
        # Reads of another element's part that the loop writes: serial.
        head = ("for (long i = 0; i + 1 < n; ++i)" if form == "ahead"
                else r.choice(["for (long i = 1; i < n; ++i)", "for (long i = n - 1; i >= 1; --i)"]))
        rd = "p[i + 1].x" if form == "ahead" else "p[i - 1].x"
        body = [f"  {head} {{"] + skip(r) + [f"    p[i].x = fv(i) + {rd} * 0.5 + double({t});", "  }"]
    elif form in ("rangefor", "binding", "rangeother"):
        stmt = {"rangefor": "e.y = fv(e.k) + e.x;", "binding": None,
                "rangeother": "e.y = fv(e.k) + p[0].y;"}[form]
        if form == "binding":
            body = ["  for (auto &[kk, x, y] : p) {"] + (
                ["    if (kk % 4 == 1) continue;"] if r.random() < 0.3 else []) + [
                f"    x = fv(kk) - y;", "  }"]
        else:
            body = ["  for (auto &e : p) {"] + (["    if (e.k % 4 == 1) continue;"] if r.random() < 0.3 else []) + [
                f"    {stmt}", "  }"]
    else:
        stmts = {"one": [f"p[i].x = fv(i) + double({t});"],
                 "two": [f"p[i].y = fv(i + 1) - p[i].x;", f"p[i].x = fv(2 * i) * double({t});"],
                 "nested": [f"q[i].a.b = {t} + q[i].n;", "q[i].a.c = fv(q[i].a.b);"],
                 "get": [f"std::get<1>(t[i]) = {t} + std::get<0>(t[i]);"],
                 "pair": [f"kv[i].second = fv(kv[i].first) + double({t});"],
                 "cond": [f"if ({t} > 0) p[i].y = fv(i); else p[i].x = -fv(i);"],
                 "other": [f"p[i].x = fv(i) + p[n - 1 - i].y + double({t});"]}[form]
        body = [f"  {loop(r, 'n', size='p.size()')} {{"] + skip(r) + [f"    {s}" for s in stmts] + ["  }"]
    out = ["  for (long i = 0; i < n; ++i) { mixl(p[i].k), mix(p[i].x), mix(p[i].y), mixl(q[i].a.b), mix(q[i].a.c);",
           "    mixl(std::get<0>(t[i])), mixl(std::get<1>(t[i])), mixl(kv[i].first), mix(kv[i].second); }",
           f"  done(\"mem\", {k}); }}"]
    return decl + wrap(body, out, k, bad) + out


def shape_rows(r, k):
    R = r.choice([1, 2, 8, 40])
    C = r.choice([0, 1, 7, 300, 1500])
    form = r.choice(["fill", "rangefor", "rangeall", "carray", "jagged", "nest", "nestdiag",
                     "left", "right", "row0", "rowvar", "down"])
    if form == "carray":
        C = min(C, 300)
        decl = [f"  {{ long g[{R}][{C + 1}] = {{}};"]
        body = [f"  {loop(r, R)}", f"    {loop(r, C, 'j')}",
                f"      g[i][j] = gl(iv(long(i) * 7 + long(j))) + g[i][j + 1];"]
        out = [f"  for (long i = 0; i < {R}; ++i) for (long j = 0; j <= {C}; ++j) mixl(g[i][j]);",
               f"  done(\"rows\", {k}); }}"]
        return decl + body + out
    decl = [f"  {{ std::vector<std::vector<long>> g({R}, std::vector<long>({C}, 1));",
            f"  for (long i = 0; i < {R}; ++i) for (long j = 0; j < {C}; ++j) g[i][j] = (i * 31 + j) % 23;"]
    if form == "jagged":
        decl.append(f"  for (long i = 0; i < {R}; ++i) g[i].assign(std::size_t(i * 5 % 11 * {C} / 10), i);")
    bodies = {
        "fill": [f"  {loop(r, R, size='g.size()')}", f"    {loop(r, C, 'j')}",
                 "      g[i][j] = iv(long(i) * 7 + long(j));"],
        "rangefor": ["  for (auto &row : g)", "    for (std::size_t j = 0; j < row.size(); ++j)",
                     "      row[j] = gl(row[j]) + long(j);"],
        "rangeall": ["  for (auto &row : g)", "    for (auto &x : row) {",
                     "      if (x % 5 == 2) continue;", "      x = gl(x) * 2;", "    }"],
        "jagged": ["  for (std::size_t i = 0; i < g.size(); ++i)", "    for (std::size_t j = g[i].size(); j-- > 0;)",
                   "      g[i][j] = gl(g[i][j]) - long(j);"],
        # The outer loop carries a dependence; the inner one is a map of row i.
        "nest": [f"  for (long i = 1; i < {R}; ++i)", f"    {loop(r, C, 'j')}",
                 "      g[i][j] = gl(g[i - 1][j]) + long(j);"],
        "nestdiag": [f"  for (long i = 1; i < {R}; ++i)", f"    for (long j = 1; j + 1 < {C}; ++j)",
                     "      g[i][j] = gl(g[i - 1][j - 1] - g[i - 1][j + 1]) + g[i][j];"],
        # Reads of the row's own other elements: serial.
        "left": [f"  {loop(r, R)}", f"    for (long j = 1; j < {C}; ++j)", "      g[i][j] = gl(g[i][j - 1]);"],
        "right": [f"  {loop(r, R)}", f"    for (long j = 0; j + 1 < {C}; ++j)", "      g[i][j] = gl(g[i][j + 1]);"],
        "row0": [f"  for (long i = {r.choice([0, 1])}; i < {R}; ++i)", f"    {loop(r, C, 'j')}",
                 "      g[i][j] = gl(g[0][j]) + long(i);"],
        "rowvar": ["  long rr = 0;", f"  for (long i = 0; i < {R}; ++i)", f"    for (long j = 0; j < {C}; ++j) {{",
                   "      g[rr][j] = gl(g[0][j] + j);", f"      rr = (rr + j) % {R};", "    }"],
        "down": [f"  for (long i = {R}; i-- > 0;)", f"    for (long j = {C} - 1; j >= 0; --j)",
                 "      g[i][j] = gl(g[i][j]) + iv(j);"],
    }
    out = ["  for (const auto &row : g) { mixl(long(row.size())); for (long x : row) mixl(x); }",
           f"  done(\"rows\", {k}); }}"]
    return decl + bodies[form] + out


def shape_racc(r, k):
    n = r.choice(N_CHOICES)
    head = loop(r, "n")
    form = r.choice(["members", "members", "elements", "binding", "refbinding", "complex", "ordered",
                     "strings", "dependent"])
    decl = [f"  {{ const long n = {n};"]
    if form == "members":
        pool = ["acc.s += iv(i);", "acc.m = std::max(acc.m, iv(i));", "++acc.n;", "acc.x ^= unsigned(iv(i));",
                "acc.x *= unsigned(iv(i)) | 1u;", "acc.lo = std::min(acc.lo, fv(i));",
                "if (fv(i) > acc.hi) acc.hi = fv(i);", "acc.d += xv(i);", "if (iv(i) > 3) acc.n += 2;"]
        stmts = r.sample(pool, r.randrange(1, 4))
        decl.append("  Acc acc;")
        out = ["  mixl(acc.s), mixl(acc.m), mixl(acc.x), mixl(acc.n), mix(acc.lo), mix(acc.hi), mix(acc.d);"]
    elif form == "elements":
        pool = ["a[2] += iv(i);", "a[0] = std::max(a[0], iv(i));", "++b[1];", "b[3] ^= unsigned(iv(i));",
                "d[1] += xv(i);", "d[0] = std::min(d[0], fv(i));"]
        stmts = r.sample(pool, r.randrange(1, 3))
        decl.append("  long a[4] = {1, 2, 3, 4}; std::array<unsigned, 4> b{}; double d[2] = {HUGE_VAL, -0.0};")
        out = ["  for (long x : a) mixl(x);", "  for (unsigned x : b) mixl(x);", "  mix(d[0]), mix(d[1]);"]
    elif form in ("binding", "refbinding"):
        stmts = r.sample(["x += iv(i);", "y ^= iv(i);", "y = std::max(y, iv(i));", "++x;"], r.randrange(1, 3))
        if form == "binding":
            decl.append("  auto [x, y] = std::pair{0L, 1L};")
            out = ["  mixl(x), mixl(y);"]
        else:
            decl.append("  std::pair<long, long> pr{0L, 1L}; auto &[x, y] = pr;")
            out = ["  mixl(pr.first), mixl(pr.second);"]
    elif form == "complex":
        term = "std::complex<double>(xv(i), xv(i + 1))"
        stmts = [r.choice([f"z += {term};", f"z = z + {term};", f"z = {term} + z;", f"z = z - {term};",
                           f"z -= {term};", f"sg.z += {term};", f"sg.z = sg.z - {term};"])]
        decl.append("  std::complex<double> z{0.0, -0.0}; Sig sg;")
        out = ["  mix(z.real()), mix(z.imag()), mix(sg.z.real()), mix(sg.z.imag()), mixl(sg.tag);"]
    elif form == "ordered":
        stmts = [r.choice(["o.m = mul(o.m, rot(i));", "o.m = mul(rot(i), o.m);", "ms[1] = mul(ms[1], rot(i));",
                           "ms[1] = mul(rot(i), ms[1]);"])]
        decl.append("  Ord o; Mat ms[3] = {{1, 0, 0, 1}, {1, 0, 0, 1}, {2, 0, 0, 2}};")
        out = ["  mixm(o.m), mixl(o.tag), mixm(ms[0]), mixm(ms[1]), mixm(ms[2]);"]
    elif form == "strings":
        stmts = [r.choice(["o.s += sv(i);", "o.s = o.s + sv(i);", "o.s = sv(i) + o.s;", "parts[1] += sv(i);",
                           "parts[0] = sv(i) + parts[0];", "o.s.append(sv(i));"])]
        decl.append("  Ord o; std::string parts[2] = {\"[\", \"]\"};")
        out = ["  mixs(o.s), mixs(parts[0]), mixs(parts[1]), mixl(o.tag);"]
    else:
        # A part read by another statement of the body: serial.
        stmts = r.choice([["acc.s += iv(i);", "acc.m = std::max(acc.m, acc.s % 97);"],
                          ["acc.s += iv(i) + acc.n;", "++acc.n;"],
                          ["a[1] += iv(i);", "a[2] = a[1] % 7;"]])
        decl.append("  Acc acc; long a[3] = {0, 0, 0};")
        out = ["  mixl(acc.s), mixl(acc.m), mixl(acc.n), mixl(a[1]), mixl(a[2]);"]
    body = [f"  {head} {{"] + skip(r) + [f"    {s}" for s in stmts] + ["  }"]
    return decl + body + out + [f"  done(\"racc\", {k}); }}"]


def shape_ind(r, k):
    n = r.choice(N_CHOICES)
    bad = throwing(r, n)
    inner = f"chk(q, {bad})" if bad is not None else "iv(q)"
    form = r.choice(["plain", "byval", "byref", "ternary", "pointer", "funref", "generic", "mutable",
                     "writes_byval", "writes_byref", "reads_acc", "immediate"])
    c = r.randrange(-3, 4)
    decl = [f"  {{ const long n = {n}; long a = {r.randrange(-5, 5)}, c = {c}; std::vector<long> v(n, -1);"]
    # How g is declared; the forms marked True also write `c` in the body.
    decls = {"plain": (f"auto g = [](long q) {{ return {inner}; }};", False),
             "byval": (f"auto g = [c](long q) {{ return {inner} + c; }};", False),
             "byref": (f"auto g = [&c](long q) {{ return {inner} * c; }};", False),
             "ternary": ("long (*g)(long) = argc > 5 ? gl : iv;", False),
             "pointer": ("long (*g)(long) = iv;", False),
             "funref": ("long (&g)(long) = gl;", False),
             "generic": (f"auto g = [](auto q) {{ return {inner}; }};", False),
             "mutable": (f"auto g = [t = 0L](long q) mutable {{ return {inner} + ++t; }};", False),
             "writes_byval": (f"auto g = [c](long q) {{ return {inner} + c; }};", True),
             "writes_byref": (f"auto g = [&c](long q) {{ return {inner} + c; }};", True),
             "reads_acc": (f"auto g = [&a](long q) {{ return {inner} + a % 3; }};", False),
             "immediate": (f"auto g = [](long q) {{ return {inner}; }};", False)}
    text, writes = decls[form]
    decl.append("  " + text)
    extra = ["c = long(i) % 5;"] if writes else []
    term = "g(long(i))" if form != "immediate" else f"[&](long q) {{ return {inner} + c; }}(long(i))"
    step = r.choice([f"a += {term};", f"a = std::max(a, {term});", f"if ({term} > 3) ++a;", f"a ^= {term};",
                     f"v[i] = {term};"])
    body = [f"  {loop(r, 'n', size='v.size()')} {{"] + skip(r) + [f"    {step}"] + [f"    {s}" for s in extra] + ["  }"]
    out = ["  mixl(a), mixl(c);", "  for (long x : v) mixl(x);", f"  done(\"ind\", {k}); }}"]
    return decl + wrap(body, out, k, bad) + out


def shape_held(r, k):
    n = r.choice(N_CHOICES)
    m = r.choice([1, 3, max(n, 1)])
    form = r.choice(["wrapper", "wrapperidx", "tuple", "tupleidx", "member", "bits", "bitsflip", "bitset",
                     "bitsread"])
    decl = [f"  {{ const long n = {n}, m = {m}; std::vector<long> base(m);",
            "  for (long i = 0; i < m; ++i) base[i] = i;"]
    out = ["  for (long x : base) mixl(x);"]
    if form in ("wrapper", "wrapperidx"):
        decl.append("  std::vector<std::reference_wrapper<long>> rv;")
        decl.append("  for (long i = 0; i < n; ++i) rv.push_back(std::ref(base[i % m]));")
        body = (["  for (long &e : rv)", "    e = (e * 3 + gl(e % 7)) % 1000003;"] if form == "wrapper" else
                [f"  {loop(r, 'n', size='rv.size()')}", "    rv[i].get() = gl(rv[i].get()) + long(i);"])
    elif form in ("tuple", "tupleidx"):
        decl.append("  std::vector<std::tuple<long &, long>> tv;")
        decl.append("  for (long i = 0; i < n; ++i) tv.emplace_back(base[i % m], i);")
        body = (["  for (auto &[x, y] : tv)", "    x = gl(x) + y;"] if form == "tuple" else
                [f"  {loop(r, 'n', size='tv.size()')}", "    std::get<0>(tv[i]) = gl(std::get<0>(tv[i])) + long(i);"])
    elif form == "member":
        decl.append("  std::vector<Rf> rs;")
        decl.append("  for (long i = 0; i < n; ++i) rs.push_back(Rf{base[i % m], i});")
        body = r.choice([["  for (auto &e : rs)", "    e.r = gl(e.r) * 2 + e.k;"],
                         [f"  {loop(r, 'n', size='rs.size()')}", "    rs[i].r = gl(rs[i].r) + rs[i].k;"]])
    elif form in ("bits", "bitsflip", "bitsread"):
        decl.append("  std::vector<bool> b(n); for (long i = 0; i < n; i += 3) b[i] = true; long cnt = 0;")
        body = {"bits": [f"  {loop(r, 'n', size='b.size()')}", "    b[i] = iv(i) > 0;"],
                "bitsflip": [f"  {loop(r, 'n', size='b.size()')}", "    b[i] = !b[i] != (iv(i) % 2 == 0);"],
                "bitsread": [f"  {loop(r, 'n', size='b.size()')}", "    cnt += b[i] ? iv(i) : 1;"]}[form]
        out += ["  for (bool x : b) mixl(x);", "  mixl(cnt);"]
    else:
        decl.append("  std::bitset<3000> bs; bs[1] = true;")
        body = [f"  {loop(r, 'n')}", "    bs[i] = iv(i) % 3 == 0;"]
        out += ["  mixl(long(bs.count())), mixl(bs[1]), mixl(bs[2999]);"]
    return decl + body + out + [f"  done(\"held\", {k}); }}"]


SHAPES = {"mem": shape_mem, "rows": shape_rows, "racc": shape_racc, "ind": shape_ind, "held": shape_held}


def program(seed):
    r = random.Random(seed)
    params = dict(m1=r.randrange(5, 13), m2=r.randrange(5, 13), s=r.randrange(1, 4),
                  g1=r.randrange(2, 9), g2=r.randrange(0, 30))
    out = [f"// generated by gen_loops.py {seed} parts"] + PRELUDE + [iv_def(r)]
    out += [line.replace("{m1}", str(params["m1"])).replace("{m2}", str(params["m2"]))
            .replace("{s}", str(params["s"])).replace("{g1}", str(params["g1"])).replace("{g2}", str(params["g2"]))
            for line in HELPERS]
    out.append("int main(int argc, char **) {")
    out.append("  (void)argc;")
    for k in range(r.randrange(7, 12)):
        out += SHAPES[r.choice(list(SHAPES))](r, k)
    out.append("}")
    return "\n".join(out)
