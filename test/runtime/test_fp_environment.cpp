// The floating-point part of the memo namespace (purecc/fp_environment.h):
// a translation unit built with -ffast-math and FMA (fp_environment_fast.cpp)
// never shares results with one built without.
#include "purecc/memo_key.h"

#include <gtest/gtest.h>

#include <string>

const char *fast_compiler_id();
purecc::Hash128 fast_namespace();
purecc::Hash128 fast_compiler_namespace();

TEST(FpEnvironment, PlainBuildIsKeyedWithoutFastMath) {
  const std::string id = PURECC_COMPILER_ID;
  EXPECT_NE(id.find("; fp eval=0"), std::string::npos) << id;
  EXPECT_EQ(id.find("fast-math"), std::string::npos) << id;
}

TEST(FpEnvironment, FastMathAndFmaChangeTheNamespace) {
  const std::string fast = fast_compiler_id();
  EXPECT_NE(fast.find(" fast-math finite-math-only"), std::string::npos) << fast;
#if defined(__x86_64__)
  EXPECT_NE(fast.find(" fma"), std::string::npos) << fast;
#endif
  EXPECT_NE(fast_namespace(), purecc::compiler_namespace());
  EXPECT_NE(purecc::memo_namespace_text(fast), purecc::memo_namespace_text(PURECC_COMPILER_ID));
}

// Two translation units of one program, one built with -ffast-math: each
// keeps its own namespace (the linker does not merge them into one).
TEST(FpEnvironment, EachTranslationUnitKeepsItsOwnNamespace) {
  EXPECT_EQ(fast_compiler_namespace(), fast_namespace());
  EXPECT_NE(fast_compiler_namespace(), purecc::compiler_namespace());
}
