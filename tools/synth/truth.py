"""Camera, projection and ground-truth files for one synthetic video.

Usable without Blender: `python3 tools/synth/truth.py PARAMS.json OUTDIR` writes only the truth
files (fast), which is how the truth can be regenerated and checked without rendering.

Image coordinates: origin at the top-left corner of the upright 1280x720 frame, x right, y down,
pixels. Frame i is shown at t = i / 30 s. Pinhole camera with the principal point at the centre,
the same model Blender renders with (sensor fit horizontal, 36 mm sensor width).
"""

import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import body  # noqa: E402
import gait_model as gm  # noqa: E402

WIDTH, HEIGHT, FPS = 1280, 720, 30
SENSOR_MM = 36.0
FORMAT = "gaitlens-synth-truth/1"
LANDMARK_ORDER = [
    "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye",
    "right_eye_outer", "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder",
    "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_pinky",
    "right_pinky", "left_index", "right_index", "left_thumb", "right_thumb", "left_hip",
    "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle", "left_heel",
    "right_heel", "left_foot_index", "right_foot_index"]


def norm(v):
    n = math.sqrt(sum(x * x for x in v))
    return tuple(x / n for x in v)


def cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


class Camera:
    def __init__(self, position, look_at, lens_mm):
        self.position = tuple(position)
        self.look_at = tuple(look_at)
        self.lens_mm = lens_mm
        self.focal_px = lens_mm / SENSOR_MM * WIDTH
        f = norm(tuple(a - b for a, b in zip(look_at, position)))
        r = norm(cross(f, (0.0, 0.0, 1.0)))
        u = cross(r, f)
        self.forward, self.right, self.up = f, r, u

    def project(self, p):
        """World point -> (x_px, y_px, depth_m)."""
        d = tuple(a - b for a, b in zip(p, self.position))
        zc = dot(d, self.forward)
        x = WIDTH / 2.0 + self.focal_px * dot(d, self.right) / zc
        y = HEIGHT / 2.0 - self.focal_px * dot(d, self.up) / zc
        return x, y, zc

    def to_json(self):
        return {"position_m": list(self.position), "look_at_m": list(self.look_at),
                "lens_mm": self.lens_mm, "sensor_width_mm": SENSOR_MM,
                "focal_px": self.focal_px, "principal_point_px": [WIDTH / 2.0, HEIGHT / 2.0]}


def setup(params):
    """Simulates the walk and places the camera; returns (model, camera, t_offset, n_frames, x0)."""
    g = params["gait"]
    model = gm.GaitModel(g, gm.Body(params.get("body")))
    cam_p = params["camera"]
    view = params.get("view", "side")
    height = cam_p["height_m"]
    lens = cam_p["lens_mm"]
    f_px = lens / SENSOR_MM * WIDTH
    # video time 0 sits on the model's integration grid, so frame i shows the state at exactly
    # warmup + i / 30 s (1/30 s is 20 grid steps) and the event times below are exact for it
    warmup = round(2.0 * model.T / model.dt) * model.dt
    t_total = warmup + params.get("max_duration_s", 10.0) + 1.0
    if view == "side":
        dist = cam_p["distance_m"]
        half_w = (WIDTH / 2.0) / f_px * dist
        margin = params.get("edge_margin_m", 0.35)
        walk = 2.0 * (half_w - margin)
        model.simulate(warmup + 30.0)  # long enough to measure speed
        speed = model.contacts[-1][2] / model.contacts[-1][1]
        duration = min(params.get("max_duration_s", 10.0), walk / speed)
        n = int(math.floor(duration * FPS))
        # position the walk: at video start the pelvis is `margin` inside the entry edge
        x_start_body = model.states[int(round(warmup / model.dt))]["hip"]["centre"][0]
        cam_x = x_start_body + (half_w - margin)
        side_sign = -1.0 if params.get("direction", "ltr") == "ltr" else 1.0
        pos = (cam_x, side_sign * dist, height)
        look = (cam_x, 0.0, height + (0.9 - height) * 0.5)
        camera = Camera(pos, look, lens)
    else:
        model.simulate(warmup + 30.0)
        speed = model.contacts[-1][2] / model.contacts[-1][1]
        duration = params.get("max_duration_s", 8.0)
        n = int(math.floor(duration * FPS))
        x_start_body = model.states[int(round(warmup / model.dt))]["hip"]["centre"][0]
        # walker approaches the camera; camera in front on the walking line
        cam_x = x_start_body + params["camera"]["start_distance_m"]
        pos = (cam_x, 0.0, height)
        look = (cam_x - 5.0, 0.0, height + (0.95 - height) * 0.6)
        camera = Camera(pos, look, lens)
    return model, camera, warmup, n, speed


def state_at(model, t):
    i = int(round(t / model.dt))
    return model.states[i]


def angle_deg(v1, v2):
    c = (v1[0] * v2[0] + v1[1] * v2[1]) / (math.hypot(*v1) * math.hypot(*v2))
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


def sagittal_angles_2d(px, d):
    """Engine conventions from image points px[name] = (x, y); d = +1 walking to image right."""
    out = {}
    mh = ((px["left_hip"][0] + px["right_hip"][0]) / 2, (px["left_hip"][1] + px["right_hip"][1]) / 2)
    ms = ((px["left_shoulder"][0] + px["right_shoulder"][0]) / 2,
          (px["left_shoulder"][1] + px["right_shoulder"][1]) / 2)
    out["trunk_lean_deg"] = math.degrees(math.atan2(d * (ms[0] - mh[0]), mh[1] - ms[1]))
    for sd in gm.SIDES:
        h, k, a = px[sd + "_hip"], px[sd + "_knee"], px[sd + "_ankle"]
        he, fi = px[sd + "_heel"], px[sd + "_foot_index"]
        out[sd + "_hip_flexion_deg"] = math.degrees(math.atan2(d * (k[0] - h[0]), k[1] - h[1]))
        out[sd + "_knee_flexion_deg"] = 180.0 - angle_deg((h[0] - k[0], h[1] - k[1]),
                                                          (a[0] - k[0], a[1] - k[1]))
        out[sd + "_ankle_dorsiflexion_deg"] = angle_deg((a[0] - k[0], a[1] - k[1]),
                                                        (fi[0] - he[0], fi[1] - he[1])) - 90.0
    return out


def frontal_angles_2d(px):
    mh = ((px["left_hip"][0] + px["right_hip"][0]) / 2, (px["left_hip"][1] + px["right_hip"][1]) / 2)
    ms = ((px["left_shoulder"][0] + px["right_shoulder"][0]) / 2,
          (px["left_shoulder"][1] + px["right_shoulder"][1]) / 2)
    return {"trunk_lateral_lean_deg": math.degrees(math.atan2(ms[0] - mh[0], mh[1] - ms[1])),
            "trunk_lateral_shift_px": ms[0] - mh[0]}


def si(r, l):
    return 100.0 * (r - l) / (0.5 * (r + l))


def build(params):
    """Everything the truth files hold, plus per-frame segment transforms for rendering."""
    model, camera, t0, n, speed = setup(params)
    view = params.get("view", "side")
    d = 1.0 if params.get("direction", "ltr") == "ltr" else -1.0
    frames = []
    for i in range(n):
        t = t0 + i / FPS
        st = state_at(model, t)
        lm, seg, ang = body.pose(model, st)
        frames.append({"t": t, "lm": lm, "seg": seg, "ang": ang})
    t_end = t0 + (n - 1) / FPS
    # events inside the video
    evs = []
    for (t, sd, kind) in model.events(t0, t_end):
        e = {"side": sd, "type": "initial_contact" if kind == "IC" else "toe_off",
             "time_s": round(t - t0, 6), "frame": int(math.floor((t - t0) * FPS + 0.5))}
        if kind == "IC":
            near = [c for c in model.contacts if c[0] == sd and abs(c[1] - t) < 1e-6]
            c = near[0] if near else None
            if c is not None:
                pitch = c[3]
                e["contact"] = "heel" if pitch > 0.5 else ("toe" if pitch < -0.5 else "flat")
                e["foot_pitch_deg"] = round(pitch, 3)
                e["heel_floor_x_m"] = round(c[2], 5)
        evs.append(e)
    spt = spatiotemporal(model, t0, t_end)
    return model, camera, t0, n, frames, evs, spt, d, view


def spatiotemporal(model, t0, t_end):
    T = model.T
    contacts = sorted(model.contacts, key=lambda c: c[1])
    res = {}
    for sd in gm.SIDES:
        od = gm.other(sd)
        strides = []
        own = [c for c in contacts if c[0] == sd and t0 - 1e-9 <= c[1] <= t_end + 1e-9]
        for a, b in zip(own, own[1:]):
            prev_other = [c for c in contacts if c[0] == od and c[1] < b[1]][-1]
            stance = model.stance_frac(sd) * T
            strides.append({
                "ic_time_s": round(a[1] - t0, 6), "next_ic_time_s": round(b[1] - t0, 6),
                "stride_time_s": b[1] - a[1], "stance_time_s": stance,
                "swing_time_s": (b[1] - a[1]) - stance,
                "stance_pct": 100.0 * stance / (b[1] - a[1]),
                "step_time_s": b[1] - prev_other[1],
                "step_length_m": b[2] - prev_other[2],
                "stride_length_m": b[2] - a[2]})
        mean = {}
        for k in ("stride_time_s", "stance_time_s", "swing_time_s", "stance_pct", "step_time_s",
                  "step_length_m", "stride_length_m"):
            mean[k] = sum(s[k] for s in strides) / len(strides) if strides else None
        # single support of this side = swing of the other side
        mean["single_support_time_s"] = (1 - model.stance_frac(od)) * T
        mean["cadence_steps_per_min"] = 120.0 / T
        mean["speed_m_per_s"] = mean["stride_length_m"] / mean["stride_time_s"] if strides else None
        mean["n_strides"] = len(strides)
        mean["strides"] = strides
        res[sd] = mean
    L, R = res["left"], res["right"]
    res["cadence_steps_per_min"] = 120.0 / T
    res["speed_m_per_s"] = 0.5 * (L["speed_m_per_s"] + R["speed_m_per_s"])
    res["double_support_pct"] = 100.0 * (model.stance_frac("left") + model.stance_frac("right") - 1.0)
    asym = {"stance_time_si_pct": si(R["stance_time_s"], L["stance_time_s"]),
            "step_time_si_pct": si(R["step_time_s"], L["step_time_s"]),
            "swing_time_si_pct": si(R["swing_time_s"], L["swing_time_s"]),
            "step_length_si_pct": si(R["step_length_m"], L["step_length_m"])}
    return res, asym


def rnd(x, k=4):
    if isinstance(x, float):
        return round(x, k)
    if isinstance(x, dict):
        return {a: rnd(b, k) for a, b in x.items()}
    if isinstance(x, list):
        return [rnd(b, k) for b in x]
    return x


def subject(b, nose_to_heel_px):
    """The truth's subject block: the figure's dimensions (metres) and its median image height."""
    out = {"height_m": b.height_m, "thigh_m": b.thigh, "shank_m": b.shank,
           "ankle_height_m": b.ankle_h, "foot_length_m": b.foot_len,
           "leg_length_m": b.thigh + b.shank + b.ankle_h,
           "hip_width_m": 2 * b.hip_half_w}
    if b.spec:
        # figures with their own body parameters (held-out set) list the rest of their dimensions
        out.update({"shoulder_width_m": 2 * b.shoulder_half_w,
                    "trunk_m": b.lumbar_up + b.shoulder_up,
                    "upper_arm_m": b.upper_arm, "forearm_m": b.forearm,
                    "head_scale": b.head / b.scale, "girth_scale": b.girth,
                    "head_top_m": b.head_top_m()})
        out = {k: (round(v, 5) if isinstance(v, float) else v) for k, v in out.items()}
    out["nose_to_heel_px_median"] = nose_to_heel_px
    return out


def write(params, outdir, built=None):
    model, camera, t0, n, frames, evs, (spt, asym), d, view = built or build(params)
    name = params["name"]
    os.makedirs(outdir, exist_ok=True)
    px_frames = []
    angles2d = {}
    angles3d = {}
    contact = {"left": [], "right": []}
    csv_lines = ["frame,time_s,landmark,x_px,y_px,z,visibility,presence,world_x_m,world_y_m,"
                 "world_z_m,pose_score"]
    for i, fr in enumerate(frames):
        proj = {k: camera.project(v) for k, v in fr["lm"].items()}
        px = {k: (v[0], v[1]) for k, v in proj.items()}
        px_frames.append(px)
        a2 = sagittal_angles_2d(px, d) if view == "side" else frontal_angles_2d(px)
        for k, v in a2.items():
            angles2d.setdefault(k, []).append(round(v, 4))
        for k, v in fr["ang"].items():
            if k.endswith("_contact"):
                contact[k[:-len("_contact")]].append(v)
            else:
                angles3d.setdefault(k, []).append(round(v, 4))
        mid = [(fr["lm"]["left_hip"][j] + fr["lm"]["right_hip"][j]) / 2 for j in range(3)]
        mid_depth = camera.project(mid)[2]
        for nm in LANDMARK_ORDER:
            x, y, zc = proj[nm]
            w = tuple(a - b for a, b in zip(fr["lm"][nm], mid))
            wx, wy, wz = dot(w, camera.right), -dot(w, camera.up), dot(w, camera.forward)
            z_px = (zc - mid_depth) * camera.focal_px / mid_depth
            csv_lines.append("%d,%.6f,%s,%.3f,%.3f,%.3f,1.0000,1.0000,%.5f,%.5f,%.5f,1.0000" % (
                i, i / FPS, nm, x, y, z_px, wx, wy, wz))
    with open(os.path.join(outdir, name + ".landmarks.csv"), "w") as f:
        f.write("\n".join(csv_lines) + "\n")
    heights = []
    for px in px_frames:
        top = min(p[1] for p in px.values())
        bottom = max(px["left_heel"][1], px["right_heel"][1])
        heights.append(bottom - top)
    truth = {
        "format": FORMAT,
        "name": name,
        "description": params.get("description", ""),
        "video": name + ".mp4",
        "landmarks": name + ".landmarks.csv",
        "width_px": WIDTH, "height_px": HEIGHT, "frame_rate_hz": FPS, "frame_count": n,
        "duration_s": round(n / FPS, 6),
        "view": view,
        "walking_direction": ("towards_camera" if view != "side" else
                              ("left_to_right" if d > 0 else "right_to_left")),
        "side_facing_camera": (None if view != "side" else ("right" if d > 0 else "left")),
        "camera": camera.to_json(),
        "subject": subject(model.b, sorted(heights)[len(heights) // 2]),
        "indicators": params.get("indicators", []),
        "patient": params.get("patient"),
        "session": params.get("session"),
        "events": evs,
        "spatiotemporal": rnd(spt, 5),
        "asymmetry": rnd(asym, 3),
        "frames": {"time_s": [round(i / FPS, 6) for i in range(n)],
                   "angles_2d": angles2d, "angles_3d": angles3d, "contact": contact},
        "parameters": params,
        "generator": "tools/synth (gait_model.py, body.py, truth.py, render_video.py)",
    }
    with open(os.path.join(outdir, name + ".truth.json"), "w") as f:
        json.dump(truth, f, indent=1)
        f.write("\n")
    return truth


if __name__ == "__main__":
    with open(sys.argv[1]) as fh:
        prm = json.load(fh)
    tr = write(prm, sys.argv[2])
    print(tr["name"], tr["frame_count"], "frames", json.dumps(tr["asymmetry"]),
          "speed %.2f" % tr["spatiotemporal"]["speed_m_per_s"],
          "height_px %.0f" % tr["subject"]["nose_to_heel_px_median"])
