#pragma once
[[pure]] inline int scale(int x) { return 3 * x; }
