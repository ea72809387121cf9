#!/usr/bin/env python3
"""Joins two rendered walking passes into one sample with its ground truth.

Usage: tools/synth/concat_passes.py DIR FIRST SECOND OUT

DIR holds FIRST.mp4 / .truth.json / .landmarks.csv and the same for SECOND (rendered by render-all.sh,
same subject and gait, e.g. one pass each way). Writes OUT.mp4 (the two H.264 streams joined without
re-encoding, ffmpeg's concat demuxer; both come from render-all.sh with identical encoder settings),
OUT.truth.json and OUT.landmarks.csv: the second pass follows the first directly (a cut, as when a
clinician films the walk back), its times and frame numbers shifted by the first pass's frame count.
Per-side spatiotemporal values are recomputed over the strides of both passes; the asymmetry indices
and indicators are the passes' own (they must agree: same gait).
"""
import csv
import json
import os
import subprocess
import sys
import tempfile


def load(d, name):
    with open(os.path.join(d, name + ".truth.json")) as f:
        return json.load(f)


def shifted_strides(side, dt):
    out = []
    for s in side.get("strides", []):
        s = dict(s)
        for k in ("ic_time_s", "next_ic_time_s"):
            if k in s:
                s[k] = round(s[k] + dt, 6)
        out.append(s)
    return out


def mean(values):
    return sum(values) / len(values) if values else None


def main(d, first, second, out):
    a, b = load(d, first), load(d, second)
    for key in ("frame_rate_hz", "width_px", "height_px", "view"):
        if a[key] != b[key]:
            sys.exit("%s differs: %s vs %s" % (key, a[key], b[key]))
    if a["asymmetry"] != b["asymmetry"] or a["indicators"] != b["indicators"]:
        sys.exit("the two passes do not share a gait (asymmetry or indicators differ)")
    fps = a["frame_rate_hz"]
    n_a = a["frame_count"]
    dt = n_a / fps

    t = dict(a)
    t["name"] = out
    t["video"] = out + ".mp4"
    t["landmarks"] = out + ".landmarks.csv"
    t["description"] = ("%s, then %s joined after it (tools/synth/concat_passes.py): %s / %s"
                        % (first, second, a["description"], b["description"]))
    t["frame_count"] = n_a + b["frame_count"]
    t["duration_s"] = round(t["frame_count"] / fps, 6)
    t["walking_direction"] = "%s, then %s" % (a["walking_direction"], b["walking_direction"])
    t["side_facing_camera"] = ("%s, then %s" % (a["side_facing_camera"], b["side_facing_camera"])
                               if a["side_facing_camera"] != b["side_facing_camera"] else a["side_facing_camera"])
    t["passes"] = [{"name": first, "first_frame": 0, "frame_count": n_a,
                    "walking_direction": a["walking_direction"], "side_facing_camera": a["side_facing_camera"]},
                   {"name": second, "first_frame": n_a, "frame_count": b["frame_count"],
                    "walking_direction": b["walking_direction"], "side_facing_camera": b["side_facing_camera"]}]
    events = [dict(e) for e in a["events"]]
    for e in b["events"]:
        e = dict(e)
        e["time_s"] = round(e["time_s"] + dt, 6)
        if "frame" in e:
            e["frame"] = e["frame"] + n_a
        events.append(e)
    t["events"] = events
    frames = {"time_s": a["frames"]["time_s"] + [round(x + dt, 6) for x in b["frames"]["time_s"]]}
    for group in ("angles_2d", "angles_3d", "contact"):
        if group in a["frames"]:
            frames[group] = {k: a["frames"][group][k] + b["frames"][group][k] for k in a["frames"][group]}
    t["frames"] = frames
    st = {}
    for side in ("left", "right"):
        strides = a["spatiotemporal"][side].get("strides", []) + shifted_strides(b["spatiotemporal"][side], dt)
        s = dict(a["spatiotemporal"][side])
        s["strides"] = strides
        s["n_strides"] = len(strides)
        for k in ("stride_time_s", "stance_time_s", "swing_time_s", "stance_pct", "step_time_s", "step_length_m",
                  "stride_length_m"):
            v = mean([x[k] for x in strides if x.get(k) is not None])
            if v is not None:
                s[k] = round(v, 5)
        st[side] = s
    for k in ("cadence_steps_per_min", "speed_m_per_s", "double_support_pct"):
        st[k] = a["spatiotemporal"][k]
    t["spatiotemporal"] = st
    t["generator"] = str(a.get("generator", "tools/synth")) + "; passes joined by tools/synth/concat_passes.py"
    with open(os.path.join(d, out + ".truth.json"), "w") as f:
        json.dump(t, f, indent=1)

    with open(os.path.join(d, out + ".landmarks.csv"), "w", newline="") as f:
        w = None
        for name, offset in ((first, 0), (second, n_a)):
            with open(os.path.join(d, name + ".landmarks.csv"), newline="") as src:
                r = csv.reader(src)
                header = next(r)
                if w is None:
                    w = csv.writer(f, lineterminator="\n")
                    w.writerow(header)
                for row in r:
                    row[0] = str(int(row[0]) + offset)
                    row[1] = "%.6f" % (float(row[1]) + offset / fps)
                    w.writerow(row)

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as lst:
        for name in (first, second):
            lst.write("file '%s'\n" % os.path.abspath(os.path.join(d, name + ".mp4")))
    try:
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", lst.name, "-c", "copy",
                        "-movflags", "+faststart", os.path.join(d, out + ".mp4")], check=True)
    finally:
        os.unlink(lst.name)
    print("%s: %d + %d frames" % (out, n_a, b["frame_count"]))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
