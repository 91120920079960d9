// A memoized function whose result travels through a codec the program
// wrote (test/build/memo-user-codec.test edits the codec's byte format).
#include <cstdint>
#include <cstdio>
#include <purecc/memo.h>

class Money {
  long c_ = 0;

public:
  Money() = default;
  explicit Money(long c) : c_(c) {}
  long cents() const { return c_; }
};
// What the codec writes, through helpers of the program's (their bodies
// are the byte format too: adv88 F5).
inline std::int64_t encoded(long cents) { return std::int64_t(cents); }
inline long decoded(std::int64_t bytes) { return long(bytes); }
template <> struct purecc::codec<Money> {
  static void write(purecc::ByteWriter &w, const Money &m) { w.write(encoded(m.cents())); }
  static bool read(purecc::ByteReader &r, Money &m) {
    std::int64_t c;
    if (!r.read(c))
      return false;
    m = Money(decoded(c));
    return true;
  }
};

[[pure]] [[purecc::memo]] Money price(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += i;
  return Money(s);
}

int main() { std::printf("%ld\n", price(100).cents()); }
