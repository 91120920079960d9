// Compile flags come from after `--`, or from `-p <dir>`'s
// compile_commands.json; this file only compiles when one of them defines
// FLAGS_ARRIVED.
#ifndef FLAGS_ARRIVED
#error "no flags"
#endif
[[pure]] int answer() { return FLAGS_ARRIVED; }

// RUN: %purecc check %s -- -std=c++20 -DFLAGS_ARRIVED=42 2>&1 | FileCheck %s --check-prefix=SUMMARY --match-full-lines

// Without the flag the #error shows and the exit status is 1.
// RUN: not %purecc check %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=NOFLAGS
// NOFLAGS: compile-flags.cpp:5:2: error: "no flags"

// A compile_commands.json written for this run, naming this file.
// RUN: rm -rf %t && mkdir -p %t/build
// RUN: echo '[{"directory": "%t/build", "file": "%s", "arguments": ["clang++", "-std=c++20", "-DFLAGS_ARRIVED=1", "-c", "%s"]}]' > %t/build/compile_commands.json
// RUN: %purecc check -p %t/build %s 2>&1 | FileCheck %s --check-prefix=SUMMARY --match-full-lines
// RUN: %purecc check -p%t/build %s 2>&1 | FileCheck %s --check-prefix=SUMMARY --match-full-lines
// Every form of check closes with the project check's summary line.
// SUMMARY: 1 file, {{[0-9]+}} pure function{{s?}} verified, 0 violations

// The same database with the define removed: its flags really are used.
// RUN: sed -e 's/"-DFLAGS_ARRIVED=1", //' %t/build/compile_commands.json > %t/nodefine.json
// RUN: mkdir -p %t/nodefine && mv %t/nodefine.json %t/nodefine/compile_commands.json
// RUN: not %purecc check -p %t/nodefine %s 2>&1 | FileCheck %s --check-prefix=NOFLAGS

// A file the database does not list borrows the command of the most similar
// file that it does (as clangd and clang-tidy do).
// RUN: mkdir -p %t/other && echo '[{"directory": "%t", "file": "%t/other.cpp", "arguments": ["clang++", "-std=c++20", "-DFLAGS_ARRIVED=2", "-c", "%t/other.cpp"]}]' > %t/other/compile_commands.json
// RUN: %purecc check -p %t/other %s 2>&1 | FileCheck %s --check-prefix=SUMMARY --match-full-lines

// A database with no commands at all, and a directory without one, are
// usage errors (exit 2, one line).
// RUN: mkdir -p %t/none && echo '[]' > %t/none/compile_commands.json
// RUN: sh -c '%purecc check -p %t/none %s 2>&1; echo "exit $?"' | FileCheck %s --check-prefix=NOTLISTED -DDIR=%t
// NOTLISTED-NOT:  verified
// NOTLISTED:      {{^}}purecc: error: no compile command for some input files in '[[DIR]]/none'
// NOTLISTED-NEXT: {{^}}exit 2
// RUN: mkdir -p %t/empty
// RUN: sh -c '%purecc check -p %t/empty %s 2>&1; echo "exit $?"' | FileCheck %s --check-prefix=NODB -DDIR=%t
// NODB:      {{^}}purecc: error: cannot load compile_commands.json from '[[DIR]]/empty'
// NODB-NEXT: {{^}}exit 2
