// Version 2 of a header that marks itself a system header, found with -I.
#pragma once
#pragma GCC system_header
inline constexpr long pragma_k = 4;
