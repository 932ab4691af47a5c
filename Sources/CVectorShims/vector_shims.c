/* The shims are header-only (static inline); this file makes the target a
 * C library SwiftPM can build and checks that the header compiles alone. */
#include "vector_shims.h"
