// CORPUS: impure line=4 id=purecc-global-read
// Clang's annotate attribute as a spelling of [[pure]].
int g_level = 4;
__attribute__((annotate("purecc::pure"))) int level(int x) { return x + g_level; } // <- here
int use() { return level(1); }
