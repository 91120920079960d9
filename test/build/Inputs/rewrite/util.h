#pragma once
inline int add_one(int x) { return x + 1; }
