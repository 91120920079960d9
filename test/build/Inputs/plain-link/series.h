#pragma once
long fib(int n);
