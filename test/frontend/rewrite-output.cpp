// `rewrite -o` to a place that cannot be written is a usage error (exit 2,
// one line), and leaves no file behind, not even a partial or temporary one.
// RUN: rm -rf %t && mkdir -p %t/out.cpp %t/parent
// RUN: echo 'not a directory' > %t/file

// The output path is a directory.
// RUN: sh -c '%purecc rewrite %s -o %t/out.cpp -- -std=c++20 2>&1; echo "exit $?"' \
// RUN:   | FileCheck %s --check-prefix=ISDIR -DDIR=%t
// ISDIR:      {{^}}purecc: error: cannot write '[[DIR]]/out.cpp': Is a directory
// ISDIR-NEXT: {{^}}exit 2
// RUN: ls -A %t | FileCheck %s --check-prefix=LEFT --match-full-lines --implicit-check-not={{.}}
// LEFT: file
// LEFT: out.cpp
// LEFT: parent
// RUN: ls -A %t/out.cpp | count 0

// The output's directory is a regular file.
// RUN: sh -c '%purecc rewrite %s -o %t/file/out.cpp -- -std=c++20 2>&1; echo "exit $?"' \
// RUN:   | FileCheck %s --check-prefix=NOTDIR -DDIR=%t
// NOTDIR:      {{^}}purecc: error: cannot write '[[DIR]]/file/out.cpp': Not a directory
// NOTDIR-NEXT: {{^}}exit 2

// The output's directory does not exist.
// RUN: sh -c '%purecc rewrite %s -o %t/parent/missing/out.cpp -- -std=c++20 2>&1; echo "exit $?"' \
// RUN:   | FileCheck %s --check-prefix=NODIR -DDIR=%t
// NODIR:      {{^}}purecc: error: cannot write '[[DIR]]/parent/missing/out.cpp': No such file or directory
// NODIR-NEXT: {{^}}exit 2
// RUN: ls -A %t/parent | count 0

// A writable destination works, and gets the whole file.
// RUN: %purecc rewrite %s -o %t/parent/ok.cpp -- -std=c++20
// RUN: FileCheck %s --check-prefix=WHOLE < %t/parent/ok.cpp
// WHOLE: int square(int x) { return x * x; }
// WHOLE: int last_line_of_the_input = 0;

// A device or a FIFO is written in place, never replaced by a renamed
// temporary file: /dev/null stays a character device (it became a regular
// file when purecc ran as root), a FIFO stays a FIFO and gets the text.
// RUN: %purecc rewrite %s -o /dev/null -- -std=c++20
// RUN: test -c /dev/null
// RUN: mkfifo %t/fifo
// RUN: sh -c 'cat %t/fifo > %t/fifo.out & %purecc rewrite %s -o %t/fifo -- -std=c++20; wait'
// RUN: test -p %t/fifo
// RUN: FileCheck %s --check-prefix=WHOLE < %t/fifo.out

[[pure]] int square(int x) { return x * x; }
int last_line_of_the_input = 0;
