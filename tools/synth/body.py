"""Whole-body pose from a gait-model state: 3D landmarks and rigid segment transforms.

Gait frame as in gait_model: X forward, Y the person's left, Z up (metres). A segment transform
is (origin, 3x3 rotation as row-major nested lists); limb meshes extend along the segment's -Z.
"""

import math

import gait_model as gm

EYE_UP_M = 0.03


def rx(a):
    c, s = math.cos(math.radians(a)), math.sin(math.radians(a))
    return [[1, 0, 0], [0, c, -s], [0, s, c]]


def ry(a):
    c, s = math.cos(math.radians(a)), math.sin(math.radians(a))
    return [[c, 0, s], [0, 1, 0], [-s, 0, c]]


def rz(a):
    c, s = math.cos(math.radians(a)), math.sin(math.radians(a))
    return [[c, -s, 0], [s, c, 0], [0, 0, 1]]


def mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


def app(m, v):
    return tuple(sum(m[i][k] * v[k] for k in range(3)) for i in range(3))


def add(a, b):
    return tuple(x + y for x, y in zip(a, b))


def pose(model, state):
    """Returns (landmarks: name -> (x, y, z), segments: name -> (origin, R), angles3d: dict)."""
    b = model.b
    pel = state["pelvis"]
    hips = state["hip"]
    centre = hips["centre"]
    r_pel = mul(rz(pel["rotation"]), mul(rx(-pel["obliquity"]), ry(pel["tilt"])))
    lm = {}
    seg = {"pelvis": (centre, r_pel)}
    ang = {"pelvis_tilt_deg": pel["tilt"], "pelvis_obliquity_deg": pel["obliquity"],
           "pelvis_rotation_deg": pel["rotation"]}
    for sd in gm.SIDES:
        leg = state["legs"][sd]
        hy = hips[sd][1]
        hip = hips[sd]
        knee = (leg["knee_pt"][0], hy, leg["knee_pt"][1])
        ankle = (leg["ankle_pt"][0], hy, leg["ankle_pt"][1])
        ho = gm.rot2(b.heel_ofs, leg["pitch"])
        to = gm.rot2(b.toe_ofs, leg["pitch"])
        lm[sd + "_hip"] = hip
        lm[sd + "_knee"] = knee
        lm[sd + "_ankle"] = ankle
        lm[sd + "_heel"] = (ankle[0] + ho[0], hy, ankle[2] + ho[1])
        lm[sd + "_foot_index"] = (ankle[0] + to[0], hy, ankle[2] + to[1])
        seg[sd + "_thigh"] = (hip, ry(-leg["thigh"]))
        seg[sd + "_shank"] = (knee, ry(-(leg["thigh"] - leg["knee"])))
        seg[sd + "_foot"] = (ankle, ry(-leg["pitch"]))
        shank = leg["thigh"] - leg["knee"]
        ang[sd + "_hip_flexion_deg"] = leg["thigh"] - pel["tilt"]
        ang[sd + "_thigh_from_vertical_deg"] = leg["thigh"]
        ang[sd + "_knee_flexion_deg"] = leg["knee"]
        ang[sd + "_ankle_dorsiflexion_deg"] = leg["pitch"] - shank
        ang[sd + "_foot_pitch_deg"] = leg["pitch"]
        ang[sd + "_contact"] = leg["contact"]
    # trunk: forward lean with a small oscillation, counter-rotation, list and shift
    lean = model.trunk_lean + 1.0 * math.cos(4 * math.pi * model.phase("right", state["t"]))
    r_trunk = mul(rz(-0.6 * pel["rotation"]), mul(rx(model.trunk_list), ry(lean)))
    lumbar = add(centre, app(r_pel, (0, 0, b.lumbar_up)))
    shift = (0.0, -model.trunk_shift, 0.0)
    lumbar_s = add(lumbar, shift)
    seg["trunk"] = (lumbar_s, r_trunk)
    ang["trunk_lean_deg"] = lean
    ang["trunk_list_deg"] = model.trunk_list
    for sd in gm.SIDES:
        y = b.shoulder_half_w if sd == "left" else -b.shoulder_half_w
        lm[sd + "_shoulder"] = add(lumbar_s, app(r_trunk, (0, y, b.shoulder_up)))
    neck = add(lumbar_s, app(r_trunk, (0, 0, b.shoulder_up + 0.03 * b.scale)))
    r_head = mul(rz(-0.3 * pel["rotation"]), rx(0.5 * model.trunk_list))
    head = add(neck, app(r_head, (0.01 * b.scale, 0, b.neck + 0.02 * b.scale)))
    seg["neck"] = (neck, r_head)
    seg["head"] = (head, r_head)
    face = {"nose": (0.108, 0.0, -0.005),
            "left_eye_inner": (0.085, 0.016, EYE_UP_M), "left_eye": (0.082, 0.032, EYE_UP_M),
            "left_eye_outer": (0.075, 0.048, EYE_UP_M),
            "right_eye_inner": (0.085, -0.016, EYE_UP_M), "right_eye": (0.082, -0.032, EYE_UP_M),
            "right_eye_outer": (0.075, -0.048, EYE_UP_M),
            "left_ear": (0.0, 0.078, 0.0), "right_ear": (0.0, -0.078, 0.0),
            "mouth_left": (0.092, 0.024, -0.05), "mouth_right": (0.092, -0.024, -0.05)}
    for k, v in face.items():
        lm[k] = add(head, app(r_head, tuple(c * b.head for c in v)))
    # arms swing opposite to the ipsilateral thigh
    for sd in gm.SIDES:
        leg = state["legs"][sd]
        a = 4.0 - 0.75 * model.arm_amp * (leg["thigh"] - 3.5)
        e = 14.0 + 0.7 * max(0.0, a)
        abd = 7.0 if sd == "left" else -7.0
        sh = lm[sd + "_shoulder"]
        r_ua = mul(r_trunk, mul(rx(abd), ry(-(a - lean))))
        r_fa = mul(r_trunk, mul(rx(abd), ry(-(a + e - lean))))
        elbow = add(sh, app(r_ua, (0, 0, -b.upper_arm)))
        wrist = add(elbow, app(r_fa, (0, 0, -b.forearm)))
        seg[sd + "_upper_arm"] = (sh, r_ua)
        seg[sd + "_forearm"] = (elbow, r_fa)
        seg[sd + "_hand"] = (wrist, r_fa)
        sgn = 1.0 if sd == "left" else -1.0
        lm[sd + "_elbow"] = elbow
        lm[sd + "_wrist"] = wrist
        hs = b.hand / gm.HAND_M
        lm[sd + "_pinky"] = add(wrist, app(r_fa, (-0.01 * hs, sgn * 0.02 * hs, -0.13 * hs)))
        lm[sd + "_index"] = add(wrist, app(r_fa, (0.03 * hs, sgn * 0.0, -0.15 * hs)))
        lm[sd + "_thumb"] = add(wrist, app(r_fa, (0.04 * hs, -sgn * 0.0, -0.07 * hs)))
        ang[sd + "_shoulder_flexion_deg"] = a
        ang[sd + "_elbow_flexion_deg"] = e
    return lm, seg, ang
