// CORPUS: impure line=5|6 id=purecc-io|purecc-impure-library
// Opening a file reads the file system.
#include <cstdio>
[[pure]] bool exists(const char *path) {
  std::FILE *f = std::fopen(path, "r"); // <- here
  if (f) std::fclose(f); // <- here
  return f != nullptr;
}
