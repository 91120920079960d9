// No attribute in this file, and its header is found only through -I: the
// front must follow -I to see the header's [[pure]] and hand over to the core.
#include "scale.h"

int nine() { return scale(3); }
