// Stands for a unit on which purecc itself fails: Clang's debug pragma
// traps while this unit is parsed.
#pragma clang __debug crash
[[pure]] int never(int x) { return x; }
