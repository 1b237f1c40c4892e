//
// Copyright (c) Microsoft Corporation.  All rights reserved.
//
// Module Name: cepc_video.h
//
// Fixed addresses of the legacy VGA hardware on a CEPC, and the default
// linear frame buffer of the emulated S3 Trio64 when PCI enumeration has
// not filled in the registry.
//
#ifndef __CEPC_VIDEO_H
#define __CEPC_VIDEO_H

#define VGA_FRAME_BUFFER_PA         0x000A0000      // legacy VGA aperture, 128 KB
#define VGA_FRAME_BUFFER_SIZE       0x00020000
#define VGA_TEXT_BUFFER_PA          0x000B8000

// The CEPC OAL maps the first 64 MB of physical memory at 0x80000000
// (cached) and 0xA0000000 (uncached).
#define CEPC_CACHED_BASE            0x80000000
#define CEPC_UNCACHED_BASE          0xA0000000

#define TRIO64_DEFAULT_LFB_PA       0xE0000000
#define TRIO64_LFB_SIZE             0x00400000
#define TRIO64_MMIO_OFFSET          0x01000000

#endif // __CEPC_VIDEO_H
