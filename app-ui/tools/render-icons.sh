#!/bin/sh
# Renders the PNG sizes of the hicolor icons from their SVGs (a development step: the PNGs are committed).
# Needs rsvg-convert (Debian librsvg2-bin). Run from anywhere: app-ui/tools/render-icons.sh
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/dev/roadwarrior/ui/icons/hicolor"
for svg in "$root"/scalable/apps/*.svg; do
  name=$(basename "$svg" .svg)
  for n in 16 22 24 32 48 64 128 256; do
    mkdir -p "$root/${n}x${n}/apps"
    rsvg-convert -w "$n" -h "$n" -o "$root/${n}x${n}/apps/$name.png" "$svg"
  done
done
