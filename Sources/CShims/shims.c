/* The shims are header-only (static inline); this file makes the target a C
 * library SwiftPM can build and checks that the headers compile alone. */
#include "cpu_features.h"
#include "vector_shims.h"
