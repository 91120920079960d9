// What ext computes depends on whether 'char' and a plain 'int' bit-field
// are signed, which -funsigned-char and g++'s -funsigned-bitfields change.
#include "ext.h"

struct Packed {
  int low : 3;
};

[[pure]] long ext(long x) {
  char c = char(200);
  Packed p{};
  p.low = int(x & 7);
  return x + c + p.low;
}
