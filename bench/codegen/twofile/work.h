// work.h — a [[pure]] function declared here, defined in work.cpp: the
// usual CMake layout, whose callers purecc parallelizes across files.
#pragma once
[[pure]] double work(long block);
