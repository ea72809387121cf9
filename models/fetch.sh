#!/usr/bin/env bash
# Installs the BlazePose models into models/ from the npm package @mediapipe/pose,
# verified against models/SHA256SUMS. Idempotent: does nothing when all models verify.
# Usage: models/fetch.sh [--force]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pkg="@mediapipe/pose"
version="0.5.1675469404"
tgz="mediapipe-pose-${version}.tgz"
models=(pose_detection.tflite pose_landmark_lite.tflite pose_landmark_full.tflite pose_landmark_heavy.tflite)

verify_models() {
  (cd "$here" && grep -E ' pose_[a-z_]+\.tflite$' SHA256SUMS | sha256sum --check --quiet --status -)
}

if [[ "${1:-}" != "--force" ]] && verify_models 2>/dev/null; then
  exit 0
fi

command -v npm >/dev/null || { echo "gaitlens: npm is needed to install the pose models (apt-get install npm)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "gaitlens: installing BlazePose models from npm package ${pkg}@${version} ..." >&2
(cd "$work" && npm pack --silent "${pkg}@${version}" >/dev/null)
expected_tgz="$(awk -v f="$tgz" '$2==f {print $1}' "$here/SHA256SUMS")"
actual_tgz="$(sha256sum "$work/$tgz" | awk '{print $1}')"
if [[ "$expected_tgz" != "$actual_tgz" ]]; then
  echo "gaitlens: checksum mismatch for $tgz (expected $expected_tgz, got $actual_tgz); refusing to install" >&2
  exit 1
fi
tar -xzf "$work/$tgz" -C "$work"
# The person detector ships as the packed assets file of the web solution: byte for byte pose_detection.tflite.
cp "$work/package/pose_solution_packed_assets.data" "$work/pose_detection.tflite"
for m in pose_landmark_lite.tflite pose_landmark_full.tflite pose_landmark_heavy.tflite; do
  cp "$work/package/$m" "$work/$m"
done
(cd "$work" && grep -E ' pose_[a-z_]+\.tflite$' "$here/SHA256SUMS" | sha256sum --check --quiet -) || {
  echo "gaitlens: a model file does not match models/SHA256SUMS; refusing to install" >&2; exit 1; }
for m in "${models[@]}"; do
  install -m 0644 "$work/$m" "$here/$m.tmp" && mv -f "$here/$m.tmp" "$here/$m"
done
echo "gaitlens: models installed and verified in $here" >&2
