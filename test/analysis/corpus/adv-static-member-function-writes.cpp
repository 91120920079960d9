// CORPUS: impure line=9 id=purecc-impure-call
// A static member function that writes a static data member.
struct Ids {
  static int next;
  static int take() { return next++; }
};
int Ids::next = 0;
[[pure]] int labelled(int x) {
  return x * 1000 + Ids::take(); // <- here
}
