/* cemap stub of the C library malloc.h. */
#pragma once
#include <stdlib.h>
void *_alloca(size_t size);
#define alloca _alloca
