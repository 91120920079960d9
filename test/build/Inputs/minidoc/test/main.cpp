#include <minidoc/emit.h>
#include <minidoc/scanner.h>

#include <cstdio>
#include <stdexcept>
#include <string>

namespace {
int failures = 0;
void expect(bool ok, const char *what) {
  if (!ok) {
    std::printf("FAILED: %s\n", what);
    ++failures;
  }
}
} // namespace

int main() {
  minidoc::Node doc = minidoc::parse("[a, [b, c], [d, [e, f]], g]");
  expect(minidoc::count_nodes(doc) == 11, "count_nodes");
  expect(minidoc::depth(doc) == 4, "depth");
  expect(minidoc::emit(doc) == "[a, [b, c], [d, [e, f]], g]", "round trip");
  expect(minidoc::parse("plain").is_scalar(), "scalar");
  expect(!minidoc::is_plain(','), "is_plain");
  bool threw = false;
  try {
    minidoc::parse("[a, b");
  } catch (const std::runtime_error &) {
    threw = true;
  }
  expect(threw, "unterminated sequence throws");
  std::printf("%s\n", failures ? "tests failed" : "all tests passed");
  return failures ? 1 : 0;
}
