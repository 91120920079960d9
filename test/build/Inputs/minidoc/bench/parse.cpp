// Parses and measures a generated document: run it before and after
// `purecc check --suggest --fix` to compare.
#include <minidoc/emit.h>
#include <minidoc/scanner.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char **argv) {
  int width = argc > 1 ? std::atoi(argv[1]) : 2000;
  std::string text = "[";
  for (int i = 0; i < width; ++i)
    text += (i ? ", [x" : "[x") + std::to_string(i) + ", [y, z]]";
  text += "]";
  auto start = std::chrono::steady_clock::now();
  minidoc::Node doc = minidoc::parse(text);
  std::size_t nodes = minidoc::count_nodes(doc);
  std::size_t bytes = minidoc::emit(doc).size();
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu nodes, %zu bytes, %.2f ms\n", nodes, bytes, ms);
}
