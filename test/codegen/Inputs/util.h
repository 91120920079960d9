#pragma once
[[pure]] inline long norm(long x) { return x < 0 ? -x : x; }
[[pure]] inline long twice(long x) { return norm(x) + norm(x); }
