// memo_link_override.h — a class whose override lives in a shared library,
// for MemoLink.RebuildingOnlyTheOverridesLibraryIsAMiss (test_memo_link.cpp).
//
// `Base::f` is pure virtual, so its symbol is defined nowhere: the memo site
// of memo_link_program.cpp names it with `@program`, as the code generator
// does for a virtual call. The library is built twice (OVERRIDE_FACTOR 2
// and 3) under one name, standing for one libv.so rebuilt without
// relinking the program.
#pragma once

struct Base {
  virtual long f(long x) const = 0;
  virtual ~Base() = default;
};

/// The library's object, whose override computes x * OVERRIDE_FACTOR.
const Base &override_object();
