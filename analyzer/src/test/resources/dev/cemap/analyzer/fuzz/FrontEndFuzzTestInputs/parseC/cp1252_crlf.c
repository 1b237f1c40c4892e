// Copyright © 2008 Gerätebau Müller – Verzögerung in µs
#include <windows.h>
/* réglage de l’horloge */
DWORD g_dwDelay = 10; // ±10 %
