#!/usr/bin/env python3
"""Check that a screenshot of a report is not blank (standard library only).

usage: check_png.py FILE.png [FILE.png ...] [--min-ink 0.02] [--min-colors 8]

Decodes each PNG (8-bit greyscale, RGB or RGBA, non-interlaced, as Chromium writes them), counts the
pixels that are not near white ("ink") and the distinct colours, and fails when the ink share is
below --min-ink (an empty or unstyled page) or there are fewer than --min-colors colours (no charts).
Prints one `OK: ...` or `FAIL: ...` line per file; exits 1 if any failed.
"""
import argparse
import struct
import sys
import zlib


def decode(path):
    """Width, height, channels and the unfiltered scanlines (bytes per row) of a PNG."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    offset, idat, header = 8, [], None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunk = data[offset + 8:offset + 8 + length]
        offset += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    width, height, depth, color_type, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(color_type)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {color_type}, interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def measure(path, step=2):
    """Share of sampled pixels that are not near white, and the number of distinct sampled colours."""
    width, height, channels, rows = decode(path)
    ink = total = 0
    colors = set()
    for row in rows[::step]:
        for x in range(0, width, step):
            pixel = row[x * channels:x * channels + min(channels, 3)]
            total += 1
            colors.add(pixel)
            if min(pixel) < 235:
                ink += 1
    return width, height, ink / max(1, total), len(colors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--min-ink", type=float, default=0.02)
    parser.add_argument("--min-colors", type=int, default=8)
    args = parser.parse_args()
    failed = False
    for path in args.files:
        try:
            width, height, ink, colors = measure(path)
        except (OSError, ValueError, zlib.error) as error:
            print(f"FAIL: {path}: {error}")
            failed = True
            continue
        verdict = "OK" if ink >= args.min_ink and colors >= args.min_colors else "FAIL"
        failed |= verdict == "FAIL"
        print(f"{verdict}: {path}: {width}x{height}, {ink:.1%} ink, {colors} colours")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
