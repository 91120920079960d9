// CORPUS: impure line=7 id=purecc-impure-call
// R6: only the instantiation with the impure type is wrong; the error is in the template.
int g_gets = 0;
struct Good { int get() const { return 1; } };
struct Bad { int get() const { ++g_gets; return 2; } };
template <class T> [[pure]] int fetch(const T &t) {
  return t.get(); // <- here
}
int use() { return fetch(Good{}) + fetch(Bad{}); }
