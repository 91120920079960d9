// CORPUS: impure line=7 id=purecc-global-write
// A pure constructor that counts instances in a static data member.
struct Counted {
  static int instances;
  int v;
  [[pure]] explicit Counted(int x) : v(x) {
    ++instances; // <- here
  }
};
int Counted::instances = 0;
int use(int x) { return Counted(x).v; }
