// purecc/purecc.h — the umbrella header of the purecc runtime.
// Rewritten programs include only this; hand-written code may include the
// individual headers it needs.
#pragma once

#include "purecc/version.h"
