#!/usr/bin/env bash
# Re-renders the bundled synthetic walking videos and their ground truth into sample-videos/.
#
# Usage: tools/synth/render-all.sh [NAME...]      (default: every params/*.json with
#                                                   "render_priority" <= 9, in priority order)
# Env:   OUT=dir (default sample-videos), SYNTH_AA (Workbench anti-aliasing, default FXAA),
#        KEEP_FRAMES=1 to keep the PNG frames.
# Needs Debian's blender (3.4) and ffmpeg: apt-get install -y blender ffmpeg
# Not part of the Maven build or CI. Renders at the lowest CPU priority.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUT:-$root/sample-videos}"
export SYNTH_AA="${SYNTH_AA:-FXAA}"
command -v blender >/dev/null || { echo "blender not found: apt-get install -y blender" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg not found: apt-get install -y ffmpeg" >&2; exit 1; }
mkdir -p "$out"
if [ "$#" -gt 0 ]; then
  names=("$@")
else
  mapfile -t names < <(python3 - "$here/params" <<'PY'
import json, os, sys
d = sys.argv[1]
ps = [json.load(open(os.path.join(d, f))) for f in sorted(os.listdir(d)) if f.endswith(".json")]
for p in sorted(ps, key=lambda p: p.get("render_priority", 99)):
    if p.get("render_priority", 99) <= 9:
        print(p["name"])
PY
)
fi
for name in "${names[@]}"; do
  params="$here/params/$name.json"
  start=$(date +%s)
  rm -rf "$out/${name}_frames"
  nice -n 19 blender -b --factory-startup -P "$here/render_video.py" -- "$params" "$out" \
      > "$out/$name.render.log" 2>&1
  nice -n 19 ffmpeg -v error -y -framerate 30 -i "$out/${name}_frames/f%05d.png" \
      -c:v libx264 -preset slow -crf 22 -pix_fmt yuv420p -r 30 -movflags +faststart \
      "$out/$name.mp4"
  [ "${KEEP_FRAMES:-0}" = 1 ] || rm -rf "$out/${name}_frames"
  end=$(date +%s)
  echo "$name: $(grep -o 'SYNTH rendered.*' "$out/$name.render.log") total $((end - start)) s"
  rm -f "$out/$name.render.log"
done
