// --suggest reports each unannotated function of the main file that would
// pass every purity rule, as a remark with a fix-it inserting the attribute;
// --suggest --fix then annotates them. Remarks do not change the exit status;
// the summary line counts them.
// RUN: %purecc check --suggest %s -- -std=c++20 -Xclang -verify
// RUN: %purecc check --suggest %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=TEXT -DFILE=%s
// RUN: %purecc check %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=PLAIN --match-full-lines
// PLAIN: 1 file, 1 pure function verified, 0 violations

int counter = 0;

int square(int x) { return x * x; } // expected-remark {{function 'square' can be declared pure [purecc-suggest-pure]}}
// TEXT:      [[FILE]]:[[@LINE-1]]:5: remark: function 'square' can be declared pure [purecc-suggest-pure]
// TEXT-NEXT: [[@LINE-2]] | int square(int x) { return x * x; }
// TEXT-NEXT:    |     ^
// TEXT-NEXT:    | {{\[\[}}pure]]

int bump() { return ++counter; }

struct Point {
  int x = 0;
  int get() const { return x; } // expected-remark {{function 'get' can be declared pure [purecc-suggest-pure]}}
  void set(int v) { x = v; }
};

static inline int cube(int x) { return x * square(x); } // expected-remark {{function 'cube' can be declared pure [purecc-suggest-pure]}}

[[pure]] int already(int x) { return x + 1; }
// TEXT: {{^}}1 file, 1 pure function verified, 0 violations, 3 suggestions{{$}}

// With --fix the file gets the attributes, and is then clean.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/s.cpp
// RUN: %purecc check --suggest --fix %t/s.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=FIXLOG -DDIR=%t
// FIXLOG:      {{^}}purecc: fixed '[[DIR]]/s.cpp' (3 fix-its)
// FIXLOG-NEXT: {{^}}1 file, 1 pure function verified, 0 violations, 3 suggestions{{$}}
// RUN: FileCheck %s --check-prefix=FIXED < %t/s.cpp
// FIXED: {{^}}{{\[\[}}pure]] int square(int x) { return x * x; }
// FIXED: {{^}}int bump() { return ++counter; }
// FIXED: {{^}}  {{\[\[}}pure]] int get() const { return x; }
// FIXED: {{^}}  void set(int v) { x = v; }
// FIXED: {{^}}{{\[\[}}pure]] static inline int cube(int x)
// RUN: %purecc check --suggest %t/s.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=CLEAN --match-full-lines
// CLEAN: 1 file, 4 pure functions verified, 0 violations, 0 suggestions

// In JSON the remark carries the fix-it.
// RUN: %purecc check --suggest --diagnostics-format=json %s -- -std=c++20 | python3 %S/Inputs/summarize_json.py | FileCheck %s --check-prefix=JSON --match-full-lines
// JSON:      version {{.*}}
// JSON-NEXT: remark purecc-suggest-pure suggest.cpp:12:5 ranges= fixits=12:1-12:1="{{\[\[}}pure]] " | function 'square' can be declared pure
// JSON-NEXT: remark purecc-suggest-pure suggest.cpp:22:7 ranges= fixits=22:3-22:3="{{\[\[}}pure]] " | function 'get' can be declared pure
// JSON-NEXT: remark purecc-suggest-pure suggest.cpp:26:19 ranges= fixits=26:1-26:1="{{\[\[}}pure]] " | function 'cube' can be declared pure
// JSON-NEXT: total 3
