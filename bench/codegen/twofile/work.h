// work.h — a [[pure]] function declared here, defined in work.cpp: the
// usual CMake layout, whose callers purecc parallelizes across files.
#pragma once
// `noexcept`: its body is in another file, so only the declaration can
// promise that a call cannot throw, which a loop over it needs to run in
// parallel (docs/codegen.md, "Loops follow the same rule").
[[pure]] double work(long block) noexcept;
