#!/usr/bin/env python3
"""Check that a screenshot of a whole report page is not blank anywhere (standard library only).

usage: check_png.py FILE.png [FILE.png ...] [--min-ink 0.02] [--min-colors 8] [--max-gap 1200]

Decodes each PNG (8-bit greyscale, RGB or RGBA, non-interlaced, as Chromium writes them). The page is
the rows down to the last one with ink (a pixel not near white); the screenshot is taken in a window
taller than the page, so the page must end at least `BOTTOM_MARGIN` blank rows above the screenshot's
bottom, else it was cut off and the check fails. Over the whole page it counts the share of ink and the
distinct colours, and fails when the ink share is below --min-ink (an empty or unstyled page), there are
fewer than --min-colors colours (no charts), or a band of more than --max-gap rows anywhere in the page
has no ink (a chart or section that did not render).
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


# Rows below the page that must be blank: the proof that the window held the whole page.
BOTTOM_MARGIN = 40


def measure(path, step=2):
    """Width, screenshot height, page height (down to the last row with ink), the share of sampled page
    pixels that are ink, the number of distinct sampled colours, and the tallest run of rows without ink."""
    width, height, channels, rows = decode(path)
    ink = total = 0
    colors = set()
    inked = []
    for y, row in enumerate(rows):
        sampled = y % step == 0
        has_ink = False
        for x in range(0, width, step if sampled else 4 * step):
            pixel = row[x * channels:x * channels + min(channels, 3)]
            dark = min(pixel) < 235
            has_ink |= dark
            if sampled:
                total += 1
                colors.add(pixel)
                ink += dark
        if has_ink:
            inked.append(y)
    page = inked[-1] + 1 if inked else 0
    gap = max([b - a for a, b in zip([0] + inked, inked)] or [height])
    sampled_page = total * page / max(1, height)
    return width, height, page, ink / max(1, sampled_page), len(colors), gap


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--min-ink", type=float, default=0.02)
    parser.add_argument("--min-colors", type=int, default=8)
    parser.add_argument("--max-gap", type=int, default=1200)
    args = parser.parse_args()
    failed = False
    for path in args.files:
        try:
            width, height, page, ink, colors, gap = measure(path)
        except (OSError, ValueError, zlib.error) as error:
            print(f"FAIL: {path}: {error}")
            failed = True
            continue
        problems = []
        if page > height - BOTTOM_MARGIN:
            problems.append(f"the page reaches the bottom of the {height}-pixel screenshot: it was cut off")
        if ink < args.min_ink:
            problems.append(f"{ink:.1%} ink (at least {args.min_ink:.0%})")
        if colors < args.min_colors:
            problems.append(f"{colors} colours (at least {args.min_colors})")
        if gap > args.max_gap:
            problems.append(f"{gap} rows without ink (at most {args.max_gap})")
        failed |= bool(problems)
        verdict = "FAIL" if problems else "OK"
        print(f"{verdict}: {path}: {width}x{height}, page {page} rows, {ink:.1%} ink, {colors} colours, "
              f"largest blank band {gap} rows" + "".join(f"; {problem}" for problem in problems))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
