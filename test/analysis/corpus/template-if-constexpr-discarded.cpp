// CORPUS: pure
// A global write in a discarded if-constexpr branch is never instantiated.
#include <type_traits>
int g_log = 0;
template <class T> [[pure]] T twice(T x) {
  if constexpr (std::is_same_v<T, void *>) {
    g_log = 1;
    return x;
  } else {
    return x + x;
  }
}
int use() { return twice(21); }
