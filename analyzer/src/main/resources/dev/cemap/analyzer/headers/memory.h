/* cemap stub of the C library memory.h. */
#pragma once
#include <string.h>
