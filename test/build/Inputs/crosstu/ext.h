// A pure function declared here and defined in ext.cpp: the usual layout.
#pragma once
[[pure]] double ext(double x) noexcept;
// noexcept: a call of a function whose body is elsewhere may throw, and a
// call after one that may throw does not run in parallel with it
// (docs/codegen.md, "Speculation").
