#!/usr/bin/env bash
# Regenerates the raster icons from spine-console.svg (the source). Needs rsvg-convert
# (librsvg2-bin), ImageMagick's convert and png2icns (icnsutils), all Debian packages.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" spine-console.svg -o "png/spine-console-$size.png"
done
convert png/spine-console-16.png png/spine-console-24.png png/spine-console-32.png png/spine-console-48.png \
  png/spine-console-64.png png/spine-console-128.png png/spine-console-256.png spine-console.ico
png2icns spine-console.icns png/spine-console-16.png png/spine-console-32.png png/spine-console-48.png \
  png/spine-console-128.png png/spine-console-256.png png/spine-console-512.png png/spine-console-1024.png
res=../src/main/resources/org/marketspine/console/ui/icons
mkdir -p "$res"
for size in 16 32 48 64 128 256; do cp "png/spine-console-$size.png" "$res/"; done
echo "icons written"
