/* cemap stub of the CE SDK windows.h. */
#pragma once
#include <windef.h>
#include <winbase.h>
#include <winreg.h>
#include <dbgapi.h>
