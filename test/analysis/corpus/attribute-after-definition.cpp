// CORPUS: impure line=5 id=purecc-attribute-after-definition
// [[pure]] written on a redeclaration after the body: not applied, reported.
int g_total = 0;
int add(int x) { return x + g_total; }
[[pure]] int add(int x); // <- here
int use() { return add(1); }
