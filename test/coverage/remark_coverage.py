#!/usr/bin/env python3
"""Never silent: every candidate of the planner gets a remark (issue 15).

Runs `purecc rewrite --remarks` over the codegen inputs of the test corpus
(test/codegen/*.cpp) and finds, independently of purecc, with libclang's
Python bindings (python3-clang-19):

  * groups of sibling calls: two or more calls to functions declared
    [[pure]] in one full-expression (an expression statement, a `return`, a
    declaration's initializer, an `if`/`while`/`switch` condition or
    init-statement, a default member initializer, a constructor's member
    initializers taken together, the initializer of a namespace-scope
    variable or a static data member), always evaluated together or inside one
    branch of `?:` or one operand of `&&`/`||`; a `?:` whose branches are
    pure calls or values without one (a choice) counts as one call;
  * calls on one side of `&&`, `||` or `?:` next to a call evaluated
    always (`f(a) > 0 || f(b) > 0`): not siblings, which a remark says;
  * loops (`for`, range-`for`, `while`, `do`) whose body calls a function
    declared [[pure]] or a standard-library computation the library model
    (analysis/StdlibPurity.def) lists as pure: a free function with a name
    of its own (`std::sqrt`, `std::gcd`), not an operator, an accessor
    (`std::size`, `std::begin`), an address (`std::move`) or a reserved
    name.

A function declared [[pure]] is matched by its qualified name and the
place of its declaration (purecc's verify dump), so that `a::size` being
pure says nothing about `b::size`.

Each must have a remark of purecc (rewritten or not, and why) on a line of
its own source range, or lie inside a loop that purecc rewrote (whose
iterations already run in parallel). A free function template with such a
construct must have a remark inside it (rewritten through its
instantiations, or why not: `purecc-not-rewritten`), and so must each
member function of a class template and each member function template. A
declaration of several variables is one full-expression: its
initializers' calls form one group.

  remark_coverage.py --purecc build/frontend/purecc --corpus test/codegen
      --rt-include runtime/include

Prints one line per silent construct ("<file>:<line>: silent <what>") and
a summary; exit status 1 when any was silent, 2 on a usage problem.
"""
import argparse
import os
import re
import subprocess
import sys

try:
    import clang.cindex as ci
except ImportError:  # a Python other than Debian's (pyenv, venv)
    sys.path.append("/usr/lib/python3/dist-packages")
    import clang.cindex as ci

FLAGS = ["-std=c++20", "-x", "c++"]
REMARK = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):\d+: remark: (?P<text>.*)$", re.M)
# The remarks of the transformations that run a loop's iterations in
# parallel (codegen/transforms/Transforms.def).
REWRITTEN_LOOP = ("[purecc-reduction]", "[purecc-array-reduction]", "[purecc-ordered-reduction]", "[purecc-selection]",
                  "[purecc-concatenation]", "[purecc-parallel-map]",
                  "[purecc-parallel-algorithm]")


def library():
    for name in ("/usr/lib/llvm-19/lib/libclang-19.so.1", "/usr/lib/llvm-19/lib/libclang.so"):
        if os.path.exists(name):
            return name
    return None


DUMP = re.compile(r"^(?:pure|impure)\s+(?P<name>.+?)\s+\((?P<file>.+):(?P<line>\d+)\)$")


def scopes(name):
    """A qualified name as a tuple of the scopes a user writes: no template
    arguments, no anonymous namespaces or classes, no enclosing functions
    (`main()::(anonymous class)::operator()` is `('operator()',)`)."""
    out, depth, cur = [], 0, ""
    for ch in name:  # drop <...>, which may hold '::' of its own
        if ch == "<" and not cur.split("::")[-1].startswith("operator"):
            depth += 1
        elif ch == ">" and depth:
            depth -= 1
        elif not depth:
            cur += ch
    for part in cur.split("::"):
        if part.startswith("operator") or (part and not part.startswith("(") and
                                           not part.endswith(")")):
            out.append(part)
    return tuple(out)


def pure_functions(purecc, path, flags):
    """The functions declared [[pure]] (purecc's verify step), each as
    (scopes of its qualified name, file, line of its declaration)."""
    out = subprocess.run([purecc, "check", "--warn-only", "--dump-after=verify", path, "--"] + flags,
                         capture_output=True, text=True, timeout=300).stdout
    keys = set()
    for line in out.splitlines():
        m = DUMP.match(line.strip())
        if m:
            keys.add((scopes(m.group("name")), os.path.realpath(m.group("file")),
                      int(m.group("line"))))
    return keys


def library_work(table):
    """The table names of the library computations (see the docstring)."""
    text = open(table).read()
    pure = set(re.findall(r'^PURECC_STD_PURE\("([^"]+)"\)', text, re.M))
    address = set(re.findall(r'^PURECC_STD_ADDRESS\("([^"]+)"\)', text, re.M))
    members = set(n for n in re.findall(r'^PURECC_STD_MEMBER\("([^"]+)"', text, re.M)
                  if "::" not in n)
    work = set()
    for name in pure - address:
        bare = name.split("::")[-1]
        if bare.startswith("__") or bare.startswith("operator") or bare in members:
            continue
        work.add(name)
    return work


def qualified(c):
    """The scopes of cursor c's qualified name, as scopes() gives them."""
    parts = [c.spelling]
    p = c.semantic_parent
    while p is not None and p.kind != ci.CursorKind.TRANSLATION_UNIT:
        if p.kind in (ci.CursorKind.NAMESPACE, ci.CursorKind.CLASS_DECL, ci.CursorKind.STRUCT_DECL,
                      ci.CursorKind.CLASS_TEMPLATE, ci.CursorKind.UNION_DECL,
                      ci.CursorKind.CLASS_TEMPLATE_PARTIAL_SPECIALIZATION):
            if p.spelling and not p.spelling.startswith("(") and " " not in p.spelling:
                parts.append(p.spelling)
        p = p.semantic_parent
    return scopes("::".join(reversed(parts)))


def lines_of(c):
    """(file, line) of the declarations of c: itself, its first one, its
    definition."""
    out = set()
    for d in (c, c.canonical, c.get_definition()):
        if d is not None and d.location.file is not None:
            out.add((os.path.realpath(d.location.file.name), d.location.line))
    return out


def remarks(purecc, path, flags):
    r = subprocess.run([purecc, "rewrite", "--remarks", path, "-o", os.devnull, "--"] + flags,
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        return None
    found = []
    for m in REMARK.finditer(r.stderr):
        if os.path.realpath(m.group("file")) == os.path.realpath(path):
            found.append((int(m.group("line")), m.group("text")))
    return found


class Finder:
    def __init__(self, path, pure, library):
        self.path = os.path.realpath(path)
        self.pure = pure
        self.library = library
        self.groups = []  # (first line, last line, description)
        self.loops = []
        self.templates = []
        self.in_class_template = False  # members are judged per instantiation

    def mine(self, c):
        f = c.location.file
        return f is not None and os.path.realpath(f.name) == self.path

    def is_pure_call(self, c):
        """A call of a function declared [[pure]] (in a template, a call
        whose candidates, not yet chosen, include one)."""
        if c.kind == ci.CursorKind.CALL_EXPR and c.referenced is None:
            for k in c.get_children():
                for o in [k] + list(k.get_children()):
                    if o.kind == ci.CursorKind.OVERLOADED_DECL_REF:
                        decls = [ci.conf.lib.clang_getOverloadedDecl(o, i)
                                 for i in range(ci.conf.lib.clang_getNumOverloadedDecls(o))]
                        return any((qualified(d), f, l) in self.pure
                                   for d in decls for (f, l) in lines_of(d))
                break  # only the callee, never an argument
            return False
        if not (c.kind == ci.CursorKind.CALL_EXPR and c.referenced is not None and
                c.referenced.kind in (ci.CursorKind.FUNCTION_DECL, ci.CursorKind.CXX_METHOD,
                                      ci.CursorKind.FUNCTION_TEMPLATE)):
            return False
        name = qualified(c.referenced)
        return any((name, f, l) in self.pure for (f, l) in lines_of(c.referenced))

    def is_library_work(self, c):
        """A call of a library computation (library_work)."""
        if not (c.kind == ci.CursorKind.CALL_EXPR and c.referenced is not None and
                c.referenced.kind in (ci.CursorKind.FUNCTION_DECL,
                                      ci.CursorKind.FUNCTION_TEMPLATE)):
            return False
        # Inline and implementation namespaces (std::__cxx11) are not
        # written; a C function (::sqrt) is listed as std::sqrt.
        name = [p for p in qualified(c.referenced) if not p.startswith("__")]
        if len(name) == 1:
            name = ["std"] + name
        return "::".join(name) in self.library

    def frontier(self, c, out):
        """Pure calls of c evaluated whenever c is, not nested in another."""
        if self.is_pure_call(c):
            out.append(c)
            return
        if c.kind in (ci.CursorKind.LAMBDA_EXPR, ci.CursorKind.CXX_UNARY_EXPR):
            return
        kids = list(c.get_children())
        if c.kind in (ci.CursorKind.CONDITIONAL_OPERATOR,):
            if self.is_choice(c):
                out.append(c)
                return
            self.frontier(kids[0], out)
            return
        if c.kind == ci.CursorKind.BINARY_OPERATOR and self.logical(c):
            self.frontier(kids[0], out)
            return
        for k in kids:
            self.frontier(k, out)

    def has_pure_call(self, c):
        if c.kind == ci.CursorKind.LAMBDA_EXPR:
            return False
        return self.is_pure_call(c) or any(self.has_pure_call(k) for k in c.get_children())

    def choice_calls(self, c):
        """The calls of c as a branch of a choice (a pure call, a value
        without one, or a `?:` of those), or None when it is none of them."""
        while c.kind in (ci.CursorKind.UNEXPOSED_EXPR, ci.CursorKind.PAREN_EXPR) and \
                len(list(c.get_children())) == 1 and not self.is_pure_call(c):
            c = list(c.get_children())[0]
        if self.is_pure_call(c):
            return [c]
        kids = list(c.get_children())
        if c.kind == ci.CursorKind.CONDITIONAL_OPERATOR and len(kids) == 3:
            if self.has_pure_call(kids[0]):
                return None
            a, b = self.choice_calls(kids[1]), self.choice_calls(kids[2])
            return None if a is None or b is None else a + b
        return None if self.has_pure_call(c) else []

    def is_choice(self, c):
        """A `?:` that picks one pure call (or a value) to make."""
        calls = self.choice_calls(c) if c.kind == ci.CursorKind.CONDITIONAL_OPERATOR else None
        return bool(calls)

    @staticmethod
    def name(c):
        return "?:" if c.kind == ci.CursorKind.CONDITIONAL_OPERATOR else c.spelling

    @staticmethod
    def logical(c):
        toks = [t.spelling for t in c.get_tokens()]
        kids = list(c.get_children())
        if len(kids) != 2:
            return False
        lhs = len(list(kids[0].get_tokens()))
        return lhs < len(toks) and toks[lhs] in ("&&", "||")

    def regions(self, c, out):
        """c and the parts of it evaluated as a whole: branches of ?:, the
        right operand of && and ||."""
        out.append(c)
        self.sub_regions(c, out)

    def sub_regions(self, c, out):
        if c.kind == ci.CursorKind.LAMBDA_EXPR:
            return
        kids = list(c.get_children())
        if c.kind == ci.CursorKind.CONDITIONAL_OPERATOR and len(kids) == 3:
            self.sub_regions(kids[0], out)
            if not self.is_choice(c):
                self.regions(kids[1], out)
                self.regions(kids[2], out)
            return
        if c.kind == ci.CursorKind.BINARY_OPERATOR and self.logical(c):
            self.sub_regions(kids[0], out)
            self.regions(kids[1], out)
            return
        for k in kids:
            self.sub_regions(k, out)

    def add_group(self, where, roots, what="calls "):
        """One group: the calls of roots evaluated whenever they are (a
        call with one such call of its own offers that call's arguments:
        f(g(x), h(y)) offers g and h), when there are two or more; where
        gives its lines."""
        calls = []
        for r in roots:
            self.frontier(r, calls)
        while len(calls) == 1 and calls[0].kind == ci.CursorKind.CALL_EXPR:
            only = calls[0]
            calls = []
            for a in list(only.get_children())[1:]:
                self.frontier(a, calls)
        if len(calls) >= 2:
            names = ", ".join(sorted(self.name(k) for k in calls))
            self.groups.append((where.extent.start.line, where.extent.end.line, what + names))

    def sides(self, c, out):
        """The operands of c's `&&`, `||` and `?:` that run on one side
        only (not choices: those are one call), outermost first."""
        if c.kind == ci.CursorKind.LAMBDA_EXPR or self.is_pure_call(c):
            return
        kids = list(c.get_children())
        if c.kind == ci.CursorKind.CONDITIONAL_OPERATOR and len(kids) == 3:
            if not self.is_choice(c):
                self.sides(kids[0], out)
                out.extend(kids[1:])
            return
        if c.kind == ci.CursorKind.BINARY_OPERATOR and self.logical(c):
            self.sides(kids[0], out)
            out.append(kids[1])
            return
        for k in kids:
            self.sides(k, out)

    def group(self, full):
        regions = []
        self.regions(full, regions)
        for r in regions:
            self.add_group(r, [r])
            # A call on one side next to one evaluated always.
            always = []
            self.frontier(r, always)
            if not always:
                continue
            sides = []
            self.sides(r, sides)
            for side in sides:
                one = []
                self.frontier(side, one)
                if len(one) == 1:
                    self.add_group(r, [r, side], "one-sided calls ")

    def group_all(self, where, inits):
        """The calls of several initializers (a declaration of several
        variables, a constructor's member initializers), as one group."""
        self.add_group(where, inits)

    def calls_pure(self, c):
        """Whether c calls a [[pure]] function or a library computation
        (what makes a loop one a user expects a remark about)."""
        if self.is_pure_call(c) or self.is_library_work(c):
            return True
        return any(self.calls_pure(k) for k in c.get_children())

    FULL = (ci.CursorKind.RETURN_STMT, ci.CursorKind.VAR_DECL)

    def walk(self, c, in_function=False):
        children = list(c.get_children())
        if c.kind == ci.CursorKind.CASE_STMT:
            # The label is a constant the compiler computes: no call runs
            # there, and the planner is never offered it.
            children = children[1:]
        for k in children:
            if not self.mine(k):
                continue
            if k.kind == ci.CursorKind.FUNCTION_TEMPLATE or (
                    self.in_class_template and k.kind in (ci.CursorKind.CXX_METHOD,
                                                          ci.CursorKind.CONSTRUCTOR)):
                # Judged per instantiation: one remark inside it is its word.
                inner = Finder(self.path, self.pure, self.library)
                inner.walk(k, True)
                if inner.groups or inner.loops:
                    self.templates.append((k.extent.start.line, k.extent.end.line,
                                           "template " + k.spelling))
                continue
            if k.kind in (ci.CursorKind.CLASS_TEMPLATE,
                          ci.CursorKind.CLASS_TEMPLATE_PARTIAL_SPECIALIZATION):
                inner = Finder(self.path, self.pure, self.library)
                inner.in_class_template = True
                inner.walk(k, False)
                self.templates.extend(inner.templates)
                continue
            if k.kind == ci.CursorKind.DECL_STMT and in_function:
                decls = [x for x in k.get_children() if x.kind == ci.CursorKind.VAR_DECL]
                if len(decls) > 1:
                    self.group_all(k, [i for i in map(self.initializer, decls) if i])
            if k.kind == ci.CursorKind.CONSTRUCTOR:
                inits = [x for x in k.get_children() if x.kind.is_expression()]
                if len(inits) > 1:
                    self.group_all(k, inits)
            if k.kind == ci.CursorKind.FIELD_DECL:
                init = self.initializer(k)
                if init:
                    self.group(init)
                continue
            if k.kind in (ci.CursorKind.FOR_STMT, ci.CursorKind.CXX_FOR_RANGE_STMT,
                          ci.CursorKind.WHILE_STMT, ci.CursorKind.DO_STMT):
                if self.calls_pure(k):
                    self.loops.append((k.extent.start.line, k.extent.end.line, "loop"))
            if k.kind == ci.CursorKind.COMPOUND_STMT or k.kind in (
                    ci.CursorKind.FOR_STMT, ci.CursorKind.CXX_FOR_RANGE_STMT, ci.CursorKind.IF_STMT,
                    ci.CursorKind.WHILE_STMT, ci.CursorKind.FUNCTION_DECL, ci.CursorKind.CXX_METHOD,
                    ci.CursorKind.STRUCT_DECL, ci.CursorKind.CLASS_DECL, ci.CursorKind.NAMESPACE,
                    ci.CursorKind.CONSTRUCTOR, ci.CursorKind.LAMBDA_EXPR, ci.CursorKind.DECL_STMT,
                    ci.CursorKind.SWITCH_STMT, ci.CursorKind.CASE_STMT, ci.CursorKind.DEFAULT_STMT,
                    ci.CursorKind.DO_STMT, ci.CursorKind.CXX_TRY_STMT, ci.CursorKind.CXX_CATCH_STMT,
                    ci.CursorKind.UNEXPOSED_STMT):
                inside = in_function or k.kind in (ci.CursorKind.FUNCTION_DECL,
                                                   ci.CursorKind.CXX_METHOD,
                                                   ci.CursorKind.CONSTRUCTOR)
                if k.kind == ci.CursorKind.IF_STMT or k.kind == ci.CursorKind.WHILE_STMT:
                    kids = list(k.get_children())
                    if kids and kids[0].kind != ci.CursorKind.DECL_STMT:
                        self.group(kids[0])
                self.walk(k, inside)
                continue
            if k.kind == ci.CursorKind.VAR_DECL and not in_function:
                # A namespace-scope variable or a static data member: its
                # initializer is a full-expression of static initialization.
                if self.initializer(k):
                    self.group(self.initializer(k))
                continue
            if not in_function:
                continue
            if k.kind == ci.CursorKind.VAR_DECL:
                if self.initializer(k):
                    self.group(self.initializer(k))
                self.walk_lambdas(k)
                continue
            if k.kind == ci.CursorKind.RETURN_STMT or k.kind.is_expression():
                self.group(k)
                self.walk_lambdas(k)

    @staticmethod
    def initializer(d):
        """The initializer of a variable or member d, or None."""
        kids = [x for x in d.get_children() if x.kind.is_expression()]
        return kids[-1] if kids else None

    def walk_lambdas(self, c):
        for k in c.get_children():
            if k.kind == ci.CursorKind.LAMBDA_EXPR:
                self.walk(k, True)
            else:
                self.walk_lambdas(k)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--purecc", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--rt-include", required=True)
    ap.add_argument("--stdlib-table",
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                         "analysis", "StdlibPurity.def"))
    a = ap.parse_args()
    if not os.path.exists(a.stdlib_table):
        print("remark_coverage.py: %s not found" % a.stdlib_table, file=sys.stderr)
        return 2
    work = library_work(a.stdlib_table)
    lib = library()
    if lib is None:
        print("remark_coverage.py: libclang 19 not found", file=sys.stderr)
        return 2
    ci.Config.set_library_file(lib)
    index = ci.Index.create()
    flags = ["-std=c++20", "-I" + a.rt_include, "-I" + os.path.join(a.corpus, "Inputs")]
    files = sorted(os.path.join(a.corpus, f) for f in os.listdir(a.corpus) if f.endswith(".cpp"))
    silent = checked = 0
    for path in files:
        rs = remarks(a.purecc, path, flags)
        if rs is None:
            continue  # a file purecc rejects (an expected error): nothing planned
        pure = pure_functions(a.purecc, path, flags)
        tu = index.parse(path, args=FLAGS + flags[1:] + ["-Wno-unknown-attributes"])
        f = Finder(path, pure, work)
        f.walk(tu.cursor)
        rewritten_loops = [(b, e) for (b, e, _) in f.loops
                           if any(l == b and t.endswith(REWRITTEN_LOOP) for (l, t) in rs)]
        # A unit compiled as written says so once, where the reason stands
        # (purecc-shadowed-name: no rewrite's remark would be true): that
        # remark is the reason for every construct in it.
        whole_unit = any("unit compiled as written" in t for (_, t) in rs)
        for (b, e, what) in f.groups + f.loops + f.templates:
            checked += 1
            if whole_unit or any(b <= l <= e for (l, _) in rs):
                continue
            if any(lb < b and e <= le for (lb, le) in rewritten_loops):
                continue
            silent += 1
            print("%s:%d: silent %s" % (os.path.basename(path), b, what))
    print("%d constructs, %d silent" % (checked, silent))
    return 1 if silent else 0


if __name__ == "__main__":
    sys.exit(main())
