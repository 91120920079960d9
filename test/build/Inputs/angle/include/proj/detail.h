#pragma once
inline long twice(long x) { return 2 * x; }
