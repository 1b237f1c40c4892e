/* cemap stub of the CE SDK wtypes.h. */
#pragma once
#include <windef.h>
