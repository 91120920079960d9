// A pure function declared here and defined in ext.cpp: the usual layout.
#pragma once
[[pure]] double ext(double x);
