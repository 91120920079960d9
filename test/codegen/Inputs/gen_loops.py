#!/usr/bin/env python3
"""gen_loops.py SEED [parts] — a random C++ program built from the loops purecc rewrites.

Differential testing in the manner of Csmith/YARPGen: the program is run
serially and after `purecc rewrite` (test/codegen/Inputs/e2e.sh), and both
must print the same. Shapes: counted loops over int, long, unsigned,
unsigned short and signed char counters (<, <=, != ; starts and bounds that
wrap around), count-down loops (`i-- > 0`, `i > 0; --i`), non-unit steps up
and down, `(unsigned)i < n` casts, range-for; integer sums, products and
xors, counting, integer and floating-point max/min in every written form
(std::max/min with the accumulator first or second, if-selections, ?:,
strict and non-strict), argmin/argmax with ties, &&-folds, `continue`,
comma bodies, maps (affine `e[a*i+b]`, reverse `e[n-1-i]`, in place
`v[i] = g(v[i])`, range-for, and range-for maps that read the container,
which must stay serial), string appends, std::transform /
std::transform_reduce / std::count_if, nests. Bodies that may throw: a term
throws at a generated counter value (or never) through a helper, a lambda,
a local's constructor or a `noexcept(false)` destructor, and main catches
it and prints the message and the partial result; sibling pure calls in
statements and `?:` branches after a statement that may throw. Term values
include NaN, +0.0, -0.0, +-inf. Floating
point sums are left out: their documented tree bits differ from the serial
order by design. Every loop ends (bounds stay in the counter's range).
`gen_loops.py SEED parts` writes a program of the newer shapes instead
(gen_parts.py: stores into parts of elements, rows, reductions into parts,
terms through lambdas and function pointers, elements holding references,
packed bits); a seed without `parts` gives the program it always gave.
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_parts  # noqa: E402  (the second mode: `gen_loops.py SEED parts`)

TYPES = {  # name: (min, max)
    "int": (-2**31, 2**31 - 1),
    "long": (-2**63, 2**63 - 1),
    "unsigned": (0, 2**32 - 1),
    "unsigned short": (0, 2**16 - 1),
    "signed char": (-128, 127),
}
WRAPS = {"unsigned", "unsigned short", "signed char"}


def counted(r, var):
    """A loop header whose trip count is between 0 and ~3000."""
    t = r.choice(list(TYPES))
    lo, hi = TYPES[t]
    n = r.choice([0, 1, 7, 300, 1500, 3000])
    if t in ("signed char",):
        n = min(n, 250)
    op = r.choice(["<", "<=", "!="])
    if t in WRAPS and op == "!=" and r.random() < 0.6:
        begin = hi - r.randrange(0, min(n, hi - lo) + 1)  # through the wrap
        end = begin + n
        end = (end - lo) % (hi - lo + 1) + lo
    else:
        begin = (r.randrange(max(lo, -1000), max(lo, -1000) + 1000) if hi - lo > 4000
                 else lo + r.randrange(0, max(1, hi - lo - n)))
        end = begin + n
        if op == "<=":
            end -= 1
            if end >= hi or end < begin - 1:
                op, end = "<", begin + n
    if op != "!=" and end > hi:
        end = hi
    lit = lambda v: f"{v}" if t not in ("unsigned", "unsigned short") else f"{v}u"
    return t, f"for ({t} {var} = {lit(begin) if begin >= 0 else '(' + str(begin) + ')'}; {var} {op} {end}; ++{var})"


def lit_of(t, v):
    """A literal of counter type t (negative values parenthesized)."""
    if t.startswith("unsigned"):
        return f"{v}u"
    return f"{v}" if v >= 0 else f"({v})"


def header(r, var):
    """A counted loop of one of the newer forms (count-down, steps, casts)
    and the values its counter takes, in order: a throwing term is made to
    throw at one of them."""
    t = r.choice(["int", "long", "unsigned"])
    n = r.choice([0, 1, 7, 300, 1500, 3000])
    signed = not t.startswith("unsigned")
    form = r.choice(["up", "postdec", "down", "step", "stepdown", "ucast"])
    L = lambda v: lit_of(t, v)
    if form == "up":
        b = r.randrange(-50, 50) if signed else r.randrange(0, 50)
        return t, f"for ({t} {var} = {L(b)}; {var} < {L(b + n)}; ++{var})", list(range(b, b + n))
    if form == "postdec":
        return t, f"for ({t} {var} = {L(n)}; {var}-- > 0;)", list(range(n - 1, -1, -1))
    if form == "down":
        return t, f"for ({t} {var} = {L(n)}; {var} > 0; --{var})", list(range(n, 0, -1))
    if form == "step":
        s = r.choice([2, 3, 7])
        b = r.randrange(-50, 50) if signed else r.randrange(0, 50)
        op = r.choice(["<", "<=", "!="]) if n % s == 0 else r.choice(["<", "<="])
        end = b + n - (1 if op == "<=" else 0)
        return t, f"for ({t} {var} = {L(b)}; {var} {op} {L(end)}; {var} += {s})", list(range(b, b + n, s))
    if form == "stepdown":
        s = r.choice([1, 2, 3, 7])
        if signed:
            b = r.randrange(-50, 50)
            return (t, f"for ({t} {var} = {L(b + n)}; {var} >= {L(b)}; {var} -= {s})",
                    list(range(b + n, b - 1, -s)))
        b = r.randrange(s, 50)
        return t, f"for ({t} {var} = {L(b + n)}; {var} > {L(b)}; {var} -= {s})", list(range(b + n, b, -s))
    # (unsigned) casts of a signed counter: a negative start runs no iteration
    t = r.choice(["int", "long"])
    b = r.choice([0, 0, 3, -2])
    ut = "unsigned" if t == "int" else "unsigned long"
    cast = r.choice([f"({ut}){var}", f"static_cast<{ut}>({var})"])
    return t, f"for ({t} {var} = {lit_of(t, b)}; {cast} < {n}u; ++{var})", (list(range(b, n)) if b >= 0 else [])


def throw_vehicle(r, bad, k):
    """How a throwing term reaches the loop: (declarations before the loop,
    statements in the body, the term). Each throws at counter value `bad`."""
    how = r.choice(["helper", "lambda", "ctor", "dtor"])
    if how == "helper":
        return [], [], f"chk(long(i), {bad})"
    if how == "lambda":
        return ([f"  auto lam{k} = [bad = {bad}L](long q) {{",
                 f"    if (q == bad) throw std::range_error(\"lam \" + std::to_string(q));",
                 f"    return iv(q) * 2 + 1; }};"], [], f"lam{k}(long(i))")
    if how == "ctor":
        return [], [f"Made c(long(i), {bad});"], "c.v"
    return [], [f"Late late(long(i), {bad});"], "iv(i)"


def bad_value(r, values):
    """Where the term throws: one of the counter's values, or none."""
    return r.choice(values) if values and r.random() < 0.75 else -99999


def vec_index(values):
    """An offset that makes every counter value a valid index, and a size."""
    off = -min(values) if values and min(values) < 0 else 0
    size = (max(values) + off + 1) if values else 1
    return off, size


def main():
    seed = int(sys.argv[1])
    if len(sys.argv) > 2 and sys.argv[2] == "parts":
        print(gen_parts.program(seed))
        return
    r = random.Random(seed)
    out = ["// generated by gen_loops.py %d" % seed,
           "#include <algorithm>", "#include <cmath>", "#include <cstdio>", "#include <functional>",
           "#include <numeric>", "#include <stdexcept>", "#include <string>", "#include <vector>",
           "#pragma GCC diagnostic ignored \"-Wsign-compare\"",
           "#pragma GCC diagnostic ignored \"-Wtype-limits\"",
           # Half the programs give iv a loop: a loop calling it is then
           # worth sharing at any trip count (0, 1, 7 included), where a
           # loop-free body runs serially below 1024 iterations.
           ("[[pure]] long iv(long i) { long r = 0; for (int k = 0; k < 2; ++k) r += (i * %d + %d) %% %d; return r / 2 - %d; }"
            if r.random() < 0.5 else "[[pure]] long iv(long i) { return (i * %d + %d) %% %d - %d; }")
           % (r.randrange(3, 99), r.randrange(0, 50), r.randrange(7, 500), r.randrange(0, 40)),
           # NaN, -0.0, +0.0, -inf, +inf and ordinary values
           "[[pure]] double fv(long i) {",
           "  long k = ((i %% %d) + %d) %% %d;" % (r.randrange(5, 13), 13, r.randrange(5, 13)),
           "  if (k == 0) return std::sqrt(-1.0 - (i & 1));",
           "  if (k == 1) return -0.0;",
           "  if (k == 2) return 0.0;",
           "  if (k == 3) return std::log(0.0 * i);",
           "  if (k == 4) return -std::log(0.0 * i);",
           "  return std::sin(double(i)) * %d;" % r.randrange(1, 4),
           "}",
           "[[pure]] double gv(long i) { return fv(i) == fv(i) && fv(i) < 1.0 ? -0.0 : fv(i); }",
           "[[pure]] long gl(long x) { return (x * %d + %d) %% 1009 - 11; }" % (r.randrange(2, 9), r.randrange(0, 30)),
           "[[pure]] std::string sv(long i) { return std::to_string(iv(i)) + (i % 3 ? \",\" : \";\"); }",
           # Throws at index `bad`: through a helper, a constructor, a destructor.
           "[[pure]] long chk(long i, long bad) {",
           "  if (i == bad) throw std::runtime_error(\"chk \" + std::to_string(i));",
           "  return iv(i);",
           "}",
           "struct Made {",
           "  long v;",
           "  Made(long i, long bad) : v(iv(i)) { if (i == bad) throw std::out_of_range(\"made \" + std::to_string(i)); }",
           "};",
           "struct Late {",
           "  long i, bad;",
           "  Late(long i_, long bad_) : i(i_), bad(bad_) {}",
           "  ~Late() noexcept(false) { if (i == bad) throw std::logic_error(\"late \" + std::to_string(i)); }",
           "};",
           # Enough work for a task (sibling calls).
           "[[pure]] long heavy(long x) {",
           "  long s = 0;",
           "  for (long k = 0; k < 20000 + x % 7; ++k) s += (k * x) % 13;",
           "  return s;",
           "}",
           "[[pure]] long chkh(long x, long bad) {",
           "  if (x == bad) throw std::invalid_argument(\"chkh \" + std::to_string(x));",
           "  return heavy(x) + 1;",
           "}",
           "void show(const char *w, double v) { std::printf(\"%s %a\\n\", w, v); }",
           "void showv(const char *w, const std::vector<long> &v) {",
           "  unsigned long h = 0;",
           "  for (std::size_t k = 0; k < v.size(); ++k) h = h * 1000003u + (unsigned long)v[k];",
           "  std::printf(\"%s %zu %lu\\n\", w, v.size(), h);",
           "}",
           "void shows(const char *w, const std::string &s) {",
           "  unsigned long h = 0;",
           "  for (std::size_t k = 0; k < s.size(); ++k) h = h * 131u + (unsigned char)s[k];",
           "  std::printf(\"%s %zu %lu %.20s\\n\", w, s.size(), h, s.c_str());",
           "}",
           "int main() {"]
    shapes = ["isum", "imax", "fmax", "count", "and", "map", "nest", "xor",
              "throw", "throw", "throw", "cont", "down", "affine", "inplace", "comma", "arg",
              "str", "algo", "sib"]
    for k in range(r.randrange(7, 12)):
        shape = r.choice(shapes)
        t, head = counted(r, "i")
        fn = r.choice(["fv", "gv"])
        if shape == "isum":
            out += [f"  {{ long a = {r.randrange(-5, 5)};", f"  {head}", f"    a += iv(i);",
                    f"  std::printf(\"isum{k} %ld\\n\", a); }}"]
        elif shape == "xor":
            out += [f"  {{ unsigned a = 1;", f"  {head}", f"    a ^= unsigned(iv(i)) * 2654435761u;",
                    f"  std::printf(\"xor{k} %u\\n\", a); }}"]
        elif shape == "count":
            out += [f"  {{ int c = 0;", f"  {head}", f"    if (iv(i) > 3) ++c;",
                    f"  std::printf(\"count{k} %d\\n\", c); }}"]
        elif shape == "and":
            out += [f"  {{ bool ok = true;", f"  {head}", f"    ok = ok && iv(i) < 30;",
                    f"  std::printf(\"and{k} %d\\n\", ok); }}"]
        elif shape == "imax":
            form = r.choice(["a = std::max(a, iv(i));", "a = std::max(iv(i), a);", "a = std::min(a, iv(i));",
                             "if (iv(i) > a) a = iv(i);", "a = iv(i) <= a ? iv(i) : a;"])
            out += [f"  {{ long a = {r.randrange(-50, 50)};", f"  {head}", f"    {form}",
                    f"  std::printf(\"imax{k} %ld\\n\", a); }}"]
        elif shape == "fmax":
            init = r.choice(["-HUGE_VAL", "HUGE_VAL", "0.0", "-0.0", "std::sqrt(-1.0)", "1.5"])
            e = f"{fn}(i)"
            form = r.choice([f"a = std::max(a, {e});", f"a = std::min(a, {e});", f"a = std::max({e}, a);",
                             f"if ({e} > a) a = {e};", f"if ({e} >= a) a = {e};", f"if (a > {e}) a = {e};",
                             f"if ({e} <= a) {{ a = {e}; }}", f"a = {e} > a ? {e} : a;", f"a = a <= {e} ? {e} : a;",
                             f"a = {e} < a ? a : {e};", f"a = std::fmax(a, {e});"])
            out += [f"  {{ double a = {init};", f"  {head}", f"    {form}", f"  show(\"fmax{k}\", a); }}"]
        elif shape == "map":
            out += [f"  {{ std::vector<double> v(3000, 0.5);", f"  for (long i = 0; i < 3000; ++i)",
                    f"    v[i] = {fn}(i) + double(iv(i));", f"  for (double &x : v)", f"    x = x * 2;",
                    f"  double m = -HUGE_VAL; long nan = 0;",
                    f"  for (double x : v) {{ if (x != x) ++nan; else if (x > m) m = x; }}",
                    f"  show(\"map{k}\", m); std::printf(\"nan %ld\\n\", nan); }}"]
        elif shape == "nest":
            t2, head2 = counted(r, "j")
            out += [f"  {{ long a = 0; double m = -HUGE_VAL;", f"  {head}", f"    {head2} {{",
                    f"      a += iv(long(i) * 3 + long(j));", f"      m = std::max(m, {fn}(long(i) + long(j)));", "    }",
                    f"  std::printf(\"nest{k} %ld\\n\", a); show(\"nestmax\", m); }}"]
        elif shape == "throw":
            # A term that throws at a generated index; main catches it and
            # prints the message and the partial result.
            t, head, values = header(r, "i")
            bad = bad_value(r, values)
            decls, stmts, term = throw_vehicle(r, bad, k)
            acc = r.choice(["sum", "max", "count", "append", "map"])
            pre = "".join(s + " " for s in stmts)
            if acc == "sum":
                init, step, after = "long a = 3;", f"a += {term};", f"std::printf(\"throw{k} %ld\\n\", a);"
            elif acc == "max":
                init, step = f"long a = {r.randrange(-60, 0)};", f"if ({term} > a) a = {term};"
                after = f"std::printf(\"throw{k} %ld\\n\", a);"
            elif acc == "count":
                init, step, after = "long a = 0;", f"if ({term} > 3) ++a;", f"std::printf(\"throw{k} %ld\\n\", a);"
            elif acc == "append":
                init, step = "std::string a;", f"a += std::to_string({term}) + \",\";"
                after = f"shows(\"throw{k}\", a);"
            else:
                off, size = vec_index(values)
                init, step, after = f"std::vector<long> a({size}, -7);", f"a[{off} + i] = {term};", f"showv(\"throw{k}\", a);"
            out += [f"  {{ {init}"] + decls + [
                "  try {", f"  {head} {{", f"    {pre}{step}", "  }",
                f"  }} catch (const std::exception &e) {{ std::printf(\"caught{k} %s\\n\", e.what()); {after} }}",
                f"  {after} }}"]
        elif shape == "cont":
            t, head, values = header(r, "i")
            m = r.randrange(2, 5)
            skip = r.choice([f"if (iv(i) % {m} == 0) continue;", f"if (i % {m} == 1) continue;",
                             f"if ({fn}(i) != {fn}(i)) continue;"])
            step = r.choice(["a += iv(i);", "a = std::max(a, iv(i) * 3);", "if (iv(i) > 2) ++a;", "a ^= iv(i);"])
            out += [f"  {{ long a = 1;", f"  {head} {{", f"    {skip}", f"    {step}", "  }",
                    f"  std::printf(\"cont{k} %ld\\n\", a); }}"]
        elif shape == "down":
            t, head, values = header(r, "i")
            step = r.choice(["a += iv(i);", "a = std::min(a, iv(i));", "a ^= iv(i) * 7;",
                             "if (iv(i) >= a) a = iv(i);", "a += iv(i) > 0 ? iv(i) : -iv(i);"])
            out += [f"  {{ long a = {r.randrange(-5, 5)};", f"  {head}", f"    {step}",
                    f"  std::printf(\"down{k} %ld\\n\", a); }}"]
        elif shape == "affine":
            n = r.choice([0, 1, 7, 300, 2000])
            ct = r.choice(["int", "long"])
            if r.random() < 0.5:
                a, b = r.randrange(1, 5), r.randrange(0, 9)
                size, index = a * n + b + 1, r.choice([f"{a} * i + {b}", f"i * {a} + {b}", f"{b} + {a} * i"])
            else:
                size, index = n, r.choice([f"n - 1 - i", f"n - i - 1"])
            loop = r.choice([f"for ({ct} i = 0; i < n; ++i)", f"for ({ct} i = n; i-- > 0;)"])
            val = r.choice(["iv(i)", "chk(i, -5)", "iv(i) + iv(n - i)"])
            out += [f"  {{ const {ct} n = {n}; std::vector<long> e({size}, -1);", f"  {loop}",
                    f"    e[{index}] = {val};", f"  showv(\"affine{k}\", e); }}"]
        elif shape == "inplace":
            n = r.choice([0, 1, 7, 300, 2000])
            form = r.choice(["for (long i = 0; i < n; ++i) v[i] = gl(v[i]);",
                             "for (std::size_t i = 0; i < v.size(); ++i) v[i] = gl(v[i]) + 1;",
                             "for (long i = n; i-- > 0;) v[i] = gl(v[i]);",
                             "for (auto &x : v) x = gl(x);", "for (long &x : v) x = gl(x) * 2;",
                             "for (auto &x : v) x = gl(x) + v[0];", "for (auto &x : v) x = gl(x) - v.back();",
                             "for (auto &x : v) x += v[0];", "for (auto &x : v) x = gl(x + v[n / 2]);",
                             "for (long i = 0; i < n; ++i) v[i] = gl(v[i]) + v[0];",
                             "for (long i = 1; i < n; ++i) v[i] = gl(v[i - 1]);"])
            out += [f"  {{ const long n = {n}; std::vector<long> v(n);",
                    f"  for (long i = 0; i < n; ++i) v[i] = iv(i);",
                    f"  {form}", f"  showv(\"inplace{k}\", v); }}"]
        elif shape == "comma":
            t, head, values = header(r, "i")
            body = r.choice(["s += iv(i), u += iv(i + 1);", "s += iv(i), u ^= iv(2 * i);",
                             "s += iv(i), u = std::max(u, iv(i + 3));", "s = std::min(s, iv(i)), u += iv(i) * 2;",
                             "s += iv(i), u += s;"])
            out += [f"  {{ long s = 0, u = 1;", f"  {head}", f"    {body}",
                    f"  std::printf(\"comma{k} %ld %ld\\n\", s, u); }}"]
        elif shape == "arg":
            t, head, values = header(r, "i")
            if r.random() < 0.6:
                e, ty, init, pf = "iv(i)", "long", r.choice(["-1000", "1000", "0", "iv(0)"]), "%ld"
            else:
                e, ty, init, pf = f"{fn}(i)", "double", r.choice(["-HUGE_VAL", "HUGE_VAL", "0.0", "std::sqrt(-1.0)"]), "%a"
            op = r.choice([">", ">=", "<", "<="])
            cond = r.choice([f"{e} {op} best", f"best {dict(zip('<><=>=', '><>=<='))[op] if len(op) == 1 else {'>=': '<=', '<=': '>='}[op]} {e}"])
            body = r.choice([f"if ({cond}) {{ best = {e}; at = i; }}", f"if ({cond}) {{ at = i; best = {e}; }}",
                             f"if ({cond}) best = {e};"])
            out += [f"  {{ {ty} best = {init}; long at = -1;", f"  {head}", f"    {body}",
                    f"  std::printf(\"arg{k} {pf} %ld\\n\", best, at); }}"]
        elif shape == "str":
            t, head, values = header(r, "i")
            body = r.choice(["s += sv(i);", "s.append(sv(i));", "s += std::to_string(i % 10);",
                             "s.push_back(char('a' + (iv(i) % 26 + 26) % 26));", "s = s + sv(i);",
                             "if (iv(i) > 0) s += sv(i);"])
            out += [f"  {{ std::string s = \"<\";", f"  {head}", f"    {body}", f"  shows(\"str{k}\", s); }}"]
        elif shape == "algo":
            n = r.choice([0, 1, 7, 300, 3000])
            bad = r.choice([-99999, r.randrange(0, max(n, 1))])
            term = r.choice(["iv(q)", f"chk(q, {bad})"])
            kind = r.choice(["transform", "transform_reduce", "count_if"])
            if kind == "transform":
                call = (f"std::transform(v.begin(), v.end(), w.begin(), [](long q) {{ return {term} * 3; }}); "
                        f"showv(\"algo{k}\", w);")
            elif kind == "transform_reduce":
                call = (f"long t = std::transform_reduce(v.begin(), v.end(), 5L, std::plus<long>(), "
                        f"[](long q) {{ return {term}; }}); std::printf(\"algo{k} %ld\\n\", t);")
            else:
                call = (f"long c = std::count_if(v.begin(), v.end(), [](long q) {{ return {term} > 3; }}); "
                        f"std::printf(\"algo{k} %ld\\n\", c);")
            out += [f"  {{ std::vector<long> v({n}), w({n}, -1); std::iota(v.begin(), v.end(), 0L);",
                    f"  try {{ {call} }}",
                    f"  catch (const std::exception &e) {{ std::printf(\"caught{k} %s\\n\", e.what()); showv(\"algow{k}\", w); }} }}"]
        elif shape == "sib":
            # Sibling pure calls after a statement that may throw.
            bad = r.choice([-99999, 4, 5])
            vs = ["a", "b", "c", "d", "f"]
            stmts = []
            for v in vs:
                x = r.randrange(1, 9)
                stmts.append(r.choice([
                    f"{v} = heavy({x});",
                    f"{v} = chkh({x}, {bad});",
                    f"{v} = heavy({x}) + heavy({x + 1});",
                    f"{v} = heavy({x}) + chkh({x + 1}, {bad});",
                    f"{v} = chkh({x}, {bad}) - heavy({x + 2});",
                    f"{v} = ({x} % 2 ? heavy({x}) + heavy({x + 3}) : chkh({x}, {bad})) + heavy({x + 1});",
                    f"{v} = {x} > 4 ? chkh({x}, {bad}) * heavy({x}) : heavy({x + 2}) - heavy({x + 1});",
                    f"{v} = heavy({x}), a += chkh({x + 1}, {bad});",
                    f"long l{v} = heavy({x}); {v} = l{v} + chkh({x + 2}, {bad});"]))
            handler = r.choice(["", " std::printf(\"%ld %ld\\n\", a, c);"])
            out += ["  { long a = -1, b = -1, c = -1, d = -1, f = -1;", "  try {"] + [f"    {s}" for s in stmts] + [
                f"  }} catch (const std::exception &e) {{ std::printf(\"caught{k} %s\\n\", e.what());{handler} }}",
                f"  std::printf(\"sib{k} %ld %ld %ld %ld %ld\\n\", a, b, c, d, f); }}"]
    out += ["}"]
    print("\n".join(out))


if __name__ == "__main__":
    main()
