#!/usr/bin/env bash
# Re-renders the bundled synthetic walking videos and their ground truth into sample-videos/.
#
# Usage: tools/synth/render-all.sh [NAME...]      (default: every params/*.json with
#                                                   "render_priority" <= 9, in priority order)
#        tools/synth/render-all.sh heldout        (a folder under params/: every set in it, in
#                                                   priority order, into sample-videos/heldout/)
#        tools/synth/render-all.sh heldout/NAME   (one set of that folder, into the same place)
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
# Parameter sets of folder $1 (relative to params/, "." for params/ itself) in priority order,
# as paths relative to params/ without ".json"; $2 = highest render_priority taken.
sets_in() {
  python3 - "$here/params" "$1" "$2" <<'PY'
import json, os, sys
root, sub, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
d = os.path.join(root, sub)
ps = [json.load(open(os.path.join(d, f))) for f in sorted(os.listdir(d)) if f.endswith(".json")]
for p in sorted(ps, key=lambda p: p.get("render_priority", 99)):
    if p.get("render_priority", 99) <= top:
        print(p["name"] if sub == "." else sub + "/" + p["name"])
PY
}
sets=()
if [ "$#" -gt 0 ]; then
  for arg in "$@"; do
    if [ -d "$here/params/$arg" ]; then
      mapfile -t -O "${#sets[@]}" sets < <(sets_in "$arg" 99)
    else
      sets+=("$arg")
    fi
  done
else
  mapfile -t sets < <(sets_in . 9)
fi
for rel in "${sets[@]}"; do
  params="$here/params/$rel.json"
  [ -f "$params" ] || { echo "no parameter set $params" >&2; exit 1; }
  name="$(basename "$rel")"
  sub="$(dirname "$rel")"
  dest="$out"
  [ "$sub" = . ] || dest="$out/$sub"
  mkdir -p "$dest"
  start=$(date +%s)
  rm -rf "$dest/${name}_frames"
  nice -n 19 blender -b --factory-startup -P "$here/render_video.py" -- "$params" "$dest" \
      > "$dest/$name.render.log" 2>&1
  nice -n 19 ffmpeg -v error -y -framerate 30 -i "$dest/${name}_frames/f%05d.png" \
      -c:v libx264 -preset slow -crf 22 -pix_fmt yuv420p -r 30 -movflags +faststart \
      "$dest/$name.mp4"
  [ "${KEEP_FRAMES:-0}" = 1 ] || rm -rf "$dest/${name}_frames"
  end=$(date +%s)
  echo "$rel: $(grep -o 'SYNTH rendered.*' "$dest/$name.render.log") total $((end - start)) s"
  rm -f "$dest/$name.render.log"
done
