#!/usr/bin/env python3
"""Draws the Teams app icons with the standard library only (zlib + struct).

color.png   192x192, opaque: dark navy background with a white "MV" mark.
outline.png 32x32, transparent background, the same "MV" mark in pure white only.
Mvai.Bot/wwwroot/favicon.ico  the color icon at 32x32, for browsers' tabs (an ICO holding one PNG).
Run from anywhere: python3 manifests/teams/make-icons.py
"""
import os
import struct
import zlib

NAVY = (0x1B, 0x2A, 0x4A)
WHITE = (0xFF, 0xFF, 0xFF)

# The "MV" mark as polylines in a 0..1 square.
MARK = [
    [(0.10, 0.72), (0.10, 0.28), (0.28, 0.52), (0.46, 0.28), (0.46, 0.72)],  # M
    [(0.54, 0.28), (0.72, 0.72), (0.90, 0.28)],                              # V
]


def _dist_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def _on_mark(x, y, size, half_width):
    px, py = (x + 0.5) / size, (y + 0.5) / size
    for line in MARK:
        for (ax, ay), (bx, by) in zip(line, line[1:]):
            if _dist_to_segment(px, py, ax, ay, bx, by) <= half_width:
                return True
    return False


def _png(width, height, rows, color_type):
    """rows: list of bytes (one per scan line, without filter byte). color_type 2 = RGB, 6 = RGBA."""
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + row for row in rows)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def color_icon(size=192):
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            row += bytes(WHITE if _on_mark(x, y, size, 0.045) else NAVY)
        rows.append(bytes(row))
    return _png(size, size, rows, 2)


def outline_icon(size=32):
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            row += bytes(WHITE + (255,)) if _on_mark(x, y, size, 0.05) else bytes((0, 0, 0, 0))
        rows.append(bytes(row))
    return _png(size, size, rows, 6)


def favicon_ico(size=32):
    """An ICO file with one PNG image: a 6-byte header, a 16-byte directory entry, then the PNG."""
    png = color_icon(size)
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "color.png"), "wb") as f:
        f.write(color_icon())
    with open(os.path.join(here, "outline.png"), "wb") as f:
        f.write(outline_icon())
    with open(os.path.join(here, "..", "..", "Mvai.Bot", "wwwroot", "favicon.ico"), "wb") as f:
        f.write(favicon_ico())
    print("wrote color.png (192x192), outline.png (32x32) and Mvai.Bot/wwwroot/favicon.ico (32x32)")
