// What a test prints of a long string: its length, an FNV-1a hash and its
// first 24 characters.
#pragma once

#include <cstdio>
#include <string>

inline unsigned long fnv(const std::string &s) {
  unsigned long h = 1469598103934665603UL;
  for (unsigned char c : s)
    h = (h ^ c) * 1099511628211UL;
  return h;
}

inline void show(const char *what, const std::string &s) {
  std::printf("%s %zu %lx %s\n", what, s.size(), fnv(s), s.substr(0, 24).c_str());
}
