"""Parametric gait model of a walking person with exact kinematics.

Pure Python (math only), so it runs inside Blender's interpreter and in any python3.

Gait frame: X = direction of walking (metres), Y = the person's left, Z = up; the floor is Z = 0.

Normative sagittal curves (one gait cycle, 0 = initial contact, toe off at 60 %) are periodic
Hermite splines through key values read from:
  [1] Perry J, Burnfield JM. Gait Analysis: Normal and Pathological Function, 2nd ed. SLACK 2010,
      ch. 5-7 (hip as thigh relative to vertical: 20 deg flexion at IC, ~20 deg apparent
      hyperextension at the end of terminal stance, 25 deg in mid/terminal swing; knee 5 deg at IC,
      15-20 deg loading response peak, ~60 deg in initial swing; ankle 0 at IC, plantarflexion in
      loading response, ~10 deg dorsiflexion in terminal stance, 15-20 deg plantarflexion at toe off,
      neutral in mid swing).
  [2] Winter DA. Biomechanics and Motor Control of Human Movement, 4th ed. Wiley 2009 (normative
      sagittal angles; pelvis and trunk excursions of a few degrees).
Pathological patterns follow DESIGN.md section 5 (Lee 2010 for L5, Ryu 2004 for S1, Yokogawa 2015
for L4, Wang 2022 for antalgic gait, Wu 2019 for trunk list).

How the model stays physically consistent (no foot sliding, exact contacts):
  * The leg whose most recent initial contact is the latest "drives" the body: its contact point
    (heel, or toe for a toe-first contact) is pinned to the floor and the hip position follows from
    the stance foot's pitch and the prescribed thigh and knee angles (heel rocker about the heel
    corner -> foot flat -> forefoot rocker about the shoe tip).
  * The other leg, while still in contact (terminal double support), is solved by two-link inverse
    kinematics from its hip to its pinned toe.
  * In swing the prescribed angles are used, but in terminal swing the ankle target is lowered or
    raised smoothly so that the lowest point of the shoe reaches the floor exactly at the scheduled
    initial contact (and not before); the foot pitch is kept and the ankle angle absorbs the rest.
  * Events are therefore exact: initial contact at t = t_IC, toe off at t = t_IC + stance_frac * T.
"""

import bisect
import math

# ---------------------------------------------------------------------------------------------
# Anthropometry (metres) of the default figure, a 1.75 m adult; proportions after Winter [2]
# table 4.1. Other figures: class Body.
THIGH_M = 0.43
SHANK_M = 0.43
ANKLE_H_M = 0.08          # ankle joint centre above the sole
HEEL_BACK_M = 0.065       # heel corner behind the ankle joint centre
TOE_FWD_M = 0.195         # shoe tip ahead of the ankle joint centre
HIP_HALF_W_M = 0.085      # half distance between the hip joint centres
LUMBAR_UP_M = 0.10        # pelvis centre (between hip joints) to trunk base
SHOULDER_UP_M = 0.40      # trunk base to shoulder joint centres
SHOULDER_HALF_W_M = 0.185
NECK_M = 0.10
UPPER_ARM_M = 0.29
FOREARM_M = 0.26
HAND_M = 0.17

CLEARANCE_M = 0.012       # minimum shoe clearance in mid swing (scaled by sin(pi u))
NORMAL_STANCE = 0.60
P_FLAT = 0.07             # foot flat reached (normalised phase), end of the heel rocker [1]
P_HEEL_RISE = 0.32        # heel rise starts at the beginning of terminal stance [1]

SIDES = ("left", "right")

# Standing height of the figure with the constants above (its nominal stature; the top of its
# hair is 1.728 m above the floor).
DEFAULT_HEIGHT_M = 1.75
# Head top (hair) above the head centre, and the head centre above the neck base (body.py).
HEAD_TOP_M = 0.138
HEAD_UP_M = NECK_M + 0.02


class Body:
    """Segment lengths and widths of one figure (metres); defaults are the constants above.

    Parameters (params["body"], every key optional):
      height_m              stature in the convention of the default figure (1.75 m): every
                            length and width below is scaled by height_m / 1.75
      leg_scale             thigh and shank lengths (long or short legs for the stature); the
                            trunk takes up the difference, so the stature stays height_m
      thigh_shank_ratio     thigh / shank (default 1.0), their sum unchanged
      head_scale            head size (face landmarks, skull, hair); the trunk takes up the
                            difference in the height of the head's top
      arm_scale             upper arm, forearm and hand lengths
      foot_scale            shoe length (heel corner to tip, about the ankle)
      shoulder_width_scale  distance between the shoulder joint centres
      hip_width_scale       distance between the hip joint centres
      girth_scale           thickness of the rendered trunk and limbs (render only: no landmark
                            moves)
    Only the keys given change anything: without params["body"] the lengths are the module
    constants themselves, so earlier truth files regenerate byte for byte.
    """

    def __init__(self, spec=None):
        spec = dict(spec or {})
        known = {"height_m", "leg_scale", "thigh_shank_ratio", "head_scale", "arm_scale",
                 "foot_scale", "shoulder_width_scale", "hip_width_scale", "girth_scale"}
        unknown = set(spec) - known
        if unknown:
            raise ValueError("unknown body parameters: %s" % sorted(unknown))
        self.spec = spec
        self.height_m = spec.get("height_m", DEFAULT_HEIGHT_M)
        s = self.height_m / DEFAULT_HEIGHT_M if "height_m" in spec else 1.0
        self.scale = s
        leg = spec.get("leg_scale", 1.0)
        ratio = spec.get("thigh_shank_ratio", 1.0)
        legs = (THIGH_M + SHANK_M) * s * leg
        if "leg_scale" in spec or "thigh_shank_ratio" in spec or "height_m" in spec:
            self.thigh = legs * ratio / (1.0 + ratio)
            self.shank = legs / (1.0 + ratio)
        else:
            self.thigh, self.shank = THIGH_M, SHANK_M
        self.head = spec.get("head_scale", 1.0) * s
        self.ankle_h = ANKLE_H_M * s
        foot = spec.get("foot_scale", 1.0) * s
        self.heel_back = HEEL_BACK_M * foot
        self.toe_fwd = TOE_FWD_M * foot
        self.hip_half_w = HIP_HALF_W_M * s * spec.get("hip_width_scale", 1.0)
        self.shoulder_half_w = SHOULDER_HALF_W_M * s * spec.get("shoulder_width_scale", 1.0)
        self.neck = NECK_M * s
        arm = spec.get("arm_scale", 1.0) * s
        self.upper_arm = UPPER_ARM_M * arm
        self.forearm = FOREARM_M * arm
        self.hand = HAND_M * arm
        self.lumbar_up = LUMBAR_UP_M * s
        self.shoulder_up = SHOULDER_UP_M * s
        # the trunk (shoulder height above the trunk base) takes up longer legs or a larger head
        # so that the top of the head stays where the stature puts it
        excess = (self.thigh + self.shank - (THIGH_M + SHANK_M) * s) + HEAD_TOP_M * (self.head - s)
        if excess != 0.0:
            self.shoulder_up -= excess
        self.girth = spec.get("girth_scale", 1.0)
        self.foot_len = self.heel_back + self.toe_fwd
        # heel corner and shoe tip in the foot frame (x forward along the sole, z up)
        self.heel_ofs = (-self.heel_back, -self.ankle_h)
        self.toe_ofs = (self.toe_fwd, -self.ankle_h)
        # hip-to-ankle distance at contact: knee flexed at least ~4 deg at initial contact
        self.landing_reach = (self.thigh + self.shank) * math.cos(math.radians(2.0))

    def leg_length_m(self):
        return self.thigh + self.shank + self.ankle_h

    def head_top_m(self):
        """Top of the head above the floor standing upright (hip centre at leg length)."""
        return (self.leg_length_m() + self.lumbar_up + self.shoulder_up + 0.03 * self.scale
                + self.neck + 0.02 * self.scale + HEAD_TOP_M * self.head)


def other(side):
    return "right" if side == "left" else "left"


def smoothstep(x):
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    return x * x * (3.0 - 2.0 * x)


class PeriodicCurve:
    """C1 periodic Hermite spline through (phase, value) keys, phase in [0, 1)."""

    def __init__(self, keys):
        keys = sorted(keys)
        self.x = [k[0] for k in keys]
        self.y = [k[1] for k in keys]
        n = len(keys)
        self.m = []
        for i in range(n):
            x0, y0 = self.x[i - 1] - (1.0 if i == 0 else 0.0), self.y[i - 1]
            x2 = self.x[(i + 1) % n] + (1.0 if i == n - 1 else 0.0)
            y2 = self.y[(i + 1) % n]
            d0 = (self.y[i] - y0) / (self.x[i] - x0)
            d1 = (y2 - self.y[i]) / (x2 - self.x[i])
            # Fritsch-Carlson style limiting keeps extremes at the keys (no overshoot).
            self.m.append(0.0 if d0 * d1 <= 0 else 0.5 * (d0 + d1))

    def __call__(self, p):
        p = p % 1.0
        n = len(self.x)
        xs = [self.x[-1] - 1.0] + self.x + [self.x[0] + 1.0]
        idx = [n - 1] + list(range(n)) + [0]
        j = bisect.bisect_right(xs, p) - 1
        x0, x1 = xs[j], xs[j + 1]
        i0, i1 = idx[j], idx[j + 1]
        h = x1 - x0
        t = (p - x0) / h
        t2, t3 = t * t, t * t * t
        return ((2 * t3 - 3 * t2 + 1) * self.y[i0] + (t3 - 2 * t2 + t) * h * self.m[i0]
                + (-2 * t3 + 3 * t2) * self.y[i1] + (t3 - t2) * h * self.m[i1])


# Thigh angle from the vertical, + when the knee is anterior (deg) [1].
HIP_KEYS = [(0.0, 20.0), (0.12, 18.0), (0.31, 0.0), (0.50, -18.0), (0.60, -10.0), (0.73, 15.0),
            (0.87, 25.0), (0.95, 22.0)]
# Knee flexion (deg) [1].
KNEE_KEYS = [(0.0, 4.0), (0.13, 18.0), (0.35, 5.0), (0.45, 6.0), (0.60, 38.0), (0.72, 62.0),
             (0.87, 25.0), (0.97, 3.0)]
# Ankle dorsiflexion (deg) [1]; used at toe off and in swing (in stance the ankle follows from the
# foot rockers).
ANKLE_KEYS = [(0.0, 0.0), (0.07, -5.0), (0.30, 3.0), (0.45, 10.0), (0.60, -18.0), (0.70, -10.0),
              (0.80, -2.0), (0.90, 0.0)]

NORMAL_HIP = PeriodicCurve(HIP_KEYS)
NORMAL_KNEE = PeriodicCurve(KNEE_KEYS)
NORMAL_ANKLE = PeriodicCurve(ANKLE_KEYS)


def bump(q, centre, half_width):
    """Smooth bump 0..1..0 (cos^2), centred at centre, zero outside +-half_width (phase units)."""
    d = (q - centre + 0.5) % 1.0 - 0.5
    if abs(d) >= half_width:
        return 0.0
    return math.cos(0.5 * math.pi * d / half_width) ** 2


def swing_env(q):
    """0 at toe off (0.60), 1 from 0.70 through initial contact, back to 0 by 0.10."""
    if q >= 0.6:
        return smoothstep((q - 0.6) / 0.1)
    return 1.0 - smoothstep(q / 0.1)


DEFAULT_SIDE = {
    "stance_frac": NORMAL_STANCE,  # fraction of the stride in stance
    "hip_swing_extra_deg": 0.0,    # added thigh flexion in swing (steppage), bump at 85 %
    "knee_swing_extra_deg": 0.0,   # added knee flexion in swing (steppage), bump at 75 %
    "ankle_swing_offset_deg": 0.0,  # added to ankle angle from toe off to IC (foot drop < 0)
    "push_off_scale": 1.0,         # scales plantarflexion at toe off (weak push-off < 1)
    "hip_ext_reduction_deg": 0.0,  # less thigh extension in terminal stance (bump at 50 %)
    "knee_lr_extra_deg": 0.0,      # added knee flexion in loading response (bump at 13 %)
    "knee_ts_extra_deg": 0.0,      # added knee flexion in terminal stance (bump at 48 %)
}


class SideCurves:
    """Prescribed angles of one leg with a pattern applied; phase p is this leg's own phase."""

    def __init__(self, amp, spec):
        self.s = dict(DEFAULT_SIDE)
        self.s.update(spec or {})
        self.amp = amp

    def q(self, p):
        """Normalised (normative) phase of actual phase p: stance warped onto 0..0.6."""
        sf = self.s["stance_frac"]
        p = p % 1.0
        if p < sf:
            return p * NORMAL_STANCE / sf
        return NORMAL_STANCE + (p - sf) * (1 - NORMAL_STANCE) / (1 - sf)

    def thigh(self, p):
        q = self.q(p)
        mean = 3.5
        v = mean + self.amp * (NORMAL_HIP(q) - mean)
        v += self.s["hip_swing_extra_deg"] * bump(q, 0.86, 0.22)
        v += self.s["hip_ext_reduction_deg"] * bump(q, 0.52, 0.20)
        return v

    def knee(self, p):
        q = self.q(p)
        v = NORMAL_KNEE(q)
        v += self.s["knee_swing_extra_deg"] * bump(q, 0.76, 0.20)
        v += self.s["knee_lr_extra_deg"] * bump(q, 0.14, 0.14)
        v += self.s["knee_ts_extra_deg"] * bump(q, 0.48, 0.14)
        return v

    def ankle(self, p):
        q = self.q(p)
        v = NORMAL_ANKLE(q)
        if 0.45 < q < 0.80:
            # plantarflexion peak at toe off scaled by push_off_scale
            v = v - (1 - self.s["push_off_scale"]) * min(0.0, v) * bump(q, 0.61, 0.16)
        v += self.s["ankle_swing_offset_deg"] * swing_env(q)
        return v


def rot2(v, ang_deg):
    """Vector (x, z) of the foot frame to the gait frame for foot pitch ang (toe up +)."""
    a = math.radians(ang_deg)
    c, s = math.cos(a), math.sin(a)
    return (v[0] * c - v[1] * s, v[0] * s + v[1] * c)


def leg_fk(b, hip, thigh_deg, knee_deg, foot_pitch_deg):
    """Forward kinematics of body b's leg in the sagittal plane: returns knee, ankle, heel, toe (x, z)."""
    t = math.radians(thigh_deg)
    knee = (hip[0] + b.thigh * math.sin(t), hip[1] - b.thigh * math.cos(t))
    s = math.radians(thigh_deg - knee_deg)
    ankle = (knee[0] + b.shank * math.sin(s), knee[1] - b.shank * math.cos(s))
    ho = rot2(b.heel_ofs, foot_pitch_deg)
    to = rot2(b.toe_ofs, foot_pitch_deg)
    return knee, ankle, (ankle[0] + ho[0], ankle[1] + ho[1]), (ankle[0] + to[0], ankle[1] + to[1])


def leg_ik(b, hip, ankle):
    """Two-link IK of body b's leg (knee anterior, flexion >= 0): returns (thigh_deg, knee_deg)."""
    dx, dz = ankle[0] - hip[0], ankle[1] - hip[1]
    d = math.hypot(dx, dz)
    d = min(d, b.thigh + b.shank - 1e-9)
    # knee flexion from the law of cosines
    cos_k = (b.thigh ** 2 + b.shank ** 2 - d * d) / (2 * b.thigh * b.shank)
    inner = math.degrees(math.acos(max(-1.0, min(1.0, cos_k))))
    knee = 180.0 - inner
    # direction hip->ankle from the downward vertical (+ forward)
    line = math.degrees(math.atan2(dx, -dz))
    cos_a = (b.thigh ** 2 + d * d - b.shank ** 2) / (2 * b.thigh * d)
    alpha = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    return line + alpha, knee


def reachable(b, hip, ankle):
    return math.hypot(ankle[0] - hip[0], ankle[1] - hip[1]) <= b.thigh + b.shank - 1e-6


class GaitModel:
    """Simulates the walk; call simulate(t_end) then query state(t)."""

    def __init__(self, params, body=None):
        self.p = params
        self.b = body if body is not None else Body()
        self.cadence = params.get("cadence_steps_per_min", 110.0)
        self.T = 120.0 / self.cadence
        self.amp = params.get("hip_amplitude_scale", 1.0)
        sides = params.get("sides", {})
        self.curves = {sd: SideCurves(self.amp, sides.get(sd)) for sd in SIDES}
        sr = self.curves["right"].s["stance_frac"]
        sl = self.curves["left"].s["stance_frac"]
        # left IC after right IC (fraction of stride) so that both double supports are equal
        self.offset = {"right": 0.0, "left": (1.0 + sr - sl) / 2.0}
        self.pelvis_tilt_amp = params.get("pelvis_tilt_amp_deg", 2.0)
        self.pelvis_obliq_amp = params.get("pelvis_obliquity_amp_deg", 4.0)
        self.pelvis_rot_amp = params.get("pelvis_rotation_amp_deg", 4.0)
        self.trunk_lean = params.get("trunk_lean_deg", 3.0)
        self.trunk_list = params.get("trunk_list_deg", 0.0)  # + = trunk leans to the person's right
        self.trunk_shift = params.get("trunk_shift_m", 0.0)  # + = shoulders shifted to the right
        self.arm_amp = params.get("arm_swing_scale", 1.0)
        self.dt = 1.0 / 600.0
        # Exponent of the heel-rise profile (foot pitch ~ u^n from heel rise to toe off) per leg.
        # It sets how high this leg holds the pelvis when the other foot lands; calibrate() picks
        # it so that the landing leg touches down with its prescribed knee angle (about 4 deg).
        self.heel_rise_exp = {sd: 4.0 for sd in SIDES}
        self.landing_dz = {}
        if params.get("calibrate", True):
            self.calibrate()

    # --- scheduling -----------------------------------------------------------------------
    def phase(self, side, t):
        return ((t / self.T) - self.offset[side]) % 1.0

    def stance_frac(self, side):
        return self.curves[side].s["stance_frac"]

    def in_stance(self, side, t):
        return self.phase(side, t) < self.stance_frac(side)

    def last_ic(self, side, t):
        k = math.floor(t / self.T - self.offset[side])
        return (k + self.offset[side]) * self.T

    def events(self, t0, t1):
        out = []
        for sd in SIDES:
            k0 = math.floor(t0 / self.T - self.offset[sd]) - 1
            for k in range(k0, k0 + int((t1 - t0) / self.T) + 4):
                ic = (k + self.offset[sd]) * self.T
                to = ic + self.stance_frac(sd) * self.T
                if t0 <= ic <= t1:
                    out.append((ic, sd, "IC"))
                if t0 <= to <= t1:
                    out.append((to, sd, "TO"))
        out.sort()
        return out

    # --- stance foot pitch (rockers) ----------------------------------------------------------
    def stance_pitch(self, side, p, shank_deg, ic_pitch):
        c = self.curves[side]
        q = c.q(p)
        if q < P_FLAT:
            return ic_pitch * (1.0 - smoothstep(q / P_FLAT))
        if q < P_HEEL_RISE:
            return 0.0
        sf = c.s["stance_frac"]
        pitch_to = self.pitch_at_to[side]
        u = (q - P_HEEL_RISE) / (NORMAL_STANCE - P_HEEL_RISE)
        return pitch_to * u ** self.heel_rise_exp[side]

    # --- simulation -----------------------------------------------------------------------
    def simulate(self, t_end):
        """Steps from t = 0 (right IC, heel pinned at x = 0) to t_end; stores states every dt."""
        T = self.T
        self.pitch_at_to = {}
        for sd in SIDES:
            c = self.curves[sd]
            pto = c.s["stance_frac"] - 1e-9
            self.pitch_at_to[sd] = (c.thigh(pto) - c.knee(pto)) + c.ankle(pto)
        n = int(round(t_end / self.dt)) + 1
        c = self.curves["right"]
        contact = {"right": {"heel_x": 0.0, "ic_pitch": c.thigh(0) - c.knee(0) + c.ankle(0),
                             "res_thigh": 0.0, "res_knee": 0.0, "t_ic": 0.0},
                   "left": None}
        swing_plan = {"right": None, "left": None}
        self.states = []
        self.contacts = [("right", 0.0, 0.0, contact["right"]["ic_pitch"])]
        self._last_ds = None
        driver = "right"
        for i in range(n):
            t = i * self.dt
            od = other(driver)
            if contact[od] is not None and contact[od]["t_ic"] <= t + 1e-12 and \
                    contact[od]["t_ic"] > contact[driver]["t_ic"]:
                driver, od = od, driver
            dc = contact[driver]
            leg_d, hips = self.stance_leg(driver, t, dc)
            state = {"t": t, "driver": driver, "pelvis": self.pelvis_angles(t), "hip": hips,
                     "legs": {driver: leg_d}}
            oc = self.curves[od]
            hip_o = (hips[od][0], hips[od][2])
            if self.in_stance(od, t) and contact[od] is not None and contact[od]["t_ic"] < dc["t_ic"]:
                state["legs"][od] = self.ds_trailing_leg(od, t, hip_o, contact[od])
                swing_plan[od] = None
            else:
                if swing_plan[od] is None:
                    swing_plan[od] = self.plan_swing(od, t, contact, driver)
                sp = swing_plan[od]
                state["legs"][od] = self.swing_leg(od, t, hip_o, sp)
                nxt = (i + 1) * self.dt
                if nxt >= sp["t_ic"] - 1e-12 and (contact[od] is None or
                                                  contact[od]["t_ic"] < sp["t_ic"] - 1e-9):
                    contact[od] = {"heel_x": sp["heel_x"], "ic_pitch": sp["ic_pitch"],
                                   "res_thigh": sp["ic_thigh"] - oc.thigh(0.0),
                                   "res_knee": sp["ic_knee"] - oc.knee(0.0), "t_ic": sp["t_ic"]}
                    self.contacts.append((od, sp["t_ic"], sp["heel_x"], sp["ic_pitch"]))
            self.states.append(state)
        return self

    def stance_leg(self, side, t, dc):
        """The driving stance leg and the resulting hip positions at time t."""
        cv = self.curves[side]
        p = self.phase(side, t)
        pn = ((t - dc["t_ic"]) / self.T) % 1.0
        decay = 1.0 - smoothstep(cv.q(pn) / 0.15)
        th = cv.thigh(p) + dc["res_thigh"] * decay
        kn = cv.knee(p) + dc["res_knee"] * decay
        shank = th - kn
        pitch = self.stance_pitch(side, p, shank, dc["ic_pitch"])
        if pitch >= 0:
            pivot = (dc["heel_x"], 0.0)
            ofs = rot2(self.b.heel_ofs, pitch)
        else:
            pivot = (dc["heel_x"] + self.b.foot_len, 0.0)
            ofs = rot2(self.b.toe_ofs, pitch)
        ankle = (pivot[0] - ofs[0], pivot[1] - ofs[1])
        ts, tt = math.radians(shank), math.radians(th)
        knee = (ankle[0] - self.b.shank * math.sin(ts), ankle[1] + self.b.shank * math.cos(ts))
        hip = (knee[0] - self.b.thigh * math.sin(tt), knee[1] + self.b.thigh * math.cos(tt))
        hips = self.hip_positions(side, hip, self.pelvis_angles(t))
        contact = "heel" if pitch > 1e-9 else ("toe" if pitch < -1e-9 else "flat")
        return ({"thigh": th, "knee": kn, "pitch": pitch, "contact": contact, "knee_pt": knee,
                 "ankle_pt": ankle}, hips)

    def ds_trailing_leg(self, side, t, hip_o, ct):
        """Trailing leg in terminal double support: IK to the pinned shoe tip."""
        oc = self.curves[side]
        op = self.phase(side, t)
        opitch = min(0.0, self.stance_pitch(side, op, oc.thigh(op) - oc.knee(op), ct["ic_pitch"]))
        toe = (ct["heel_x"] + self.b.foot_len, 0.0)
        for _ in range(80):
            to = rot2(self.b.toe_ofs, opitch)
            oank = (toe[0] - to[0], toe[1] - to[1])
            if reachable(self.b, hip_o, oank):
                break
            opitch -= 0.5
        oth, okn = leg_ik(self.b, hip_o, oank)
        knee, _, _, _ = leg_fk(self.b, hip_o, oth, okn, opitch)
        self._last_ds = (side, oth, okn, opitch)
        return {"thigh": oth, "knee": okn, "pitch": opitch,
                "contact": "toe" if opitch < -1e-9 else "flat", "knee_pt": knee, "ankle_pt": oank}

    def calibrate(self, iterations=6):
        """Secant search of each leg's heel-rise exponent for a landing without correction."""
        hist = {sd: [] for sd in SIDES}
        for _ in range(iterations):
            self.simulate(self.T * 4.2)
            done = True
            for sd in SIDES:
                od = other(sd)
                dz = self.landing_dz.get(od, 0.0)  # landing of the other leg over this leg's stance
                hist[sd].append((self.heel_rise_exp[sd], dz))
                if abs(dz) < 0.0005:
                    continue
                done = False
                if len(hist[sd]) >= 2 and hist[sd][-1][1] != hist[sd][-2][1]:
                    (n0, d0), (n1, d1) = hist[sd][-2], hist[sd][-1]
                    n = n1 - d1 * (n1 - n0) / (d1 - d0)
                else:
                    n = self.heel_rise_exp[sd] - dz / 0.02  # ~2 cm per unit near n = 4
                self.heel_rise_exp[sd] = min(8.0, max(1.5, n))
            if done:
                break

    def pelvis_angles(self, t):
        """Pelvis tilt (anterior +), obliquity (right side up +), rotation (right hip forward +)."""
        pr = self.phase("right", t)
        pl = self.phase("left", t)
        tilt = self.pelvis_tilt_amp * math.cos(4 * math.pi * pr)
        # obliquity: the swing side drops, largest in early single support
        obl = self.pelvis_obliq_amp * (bump(pr, 0.14, 0.25) - bump(pl, 0.14, 0.25))
        rot = self.pelvis_rot_amp * math.cos(2 * math.pi * pr)
        return {"tilt": tilt, "obliquity": obl, "rotation": rot}

    def hip_positions(self, driver, hip_xz, pel):
        """3D hip joint centres (x, y, z) from the driving hip's sagittal position."""
        rot = math.radians(pel["rotation"])
        obl = math.radians(pel["obliquity"])
        pos = {}
        # offset of each hip from the pelvis centre
        ofs = {}
        for sd in SIDES:
            y = self.b.hip_half_w if sd == "left" else -self.b.hip_half_w
            # rotation about Z (right hip forward when rot > 0), obliquity about X (right up)
            ofs[sd] = (-y * math.sin(rot), y * math.cos(rot), -y * math.sin(obl))
        cx = hip_xz[0] - ofs[driver][0]
        cz = hip_xz[1] - ofs[driver][2]
        for sd in SIDES:
            pos[sd] = (cx + ofs[sd][0], ofs[sd][1], cz + ofs[sd][2])
        pos["centre"] = (cx, 0.0, cz)
        return pos

    def plan_swing(self, side, t_now, contact, driver):
        """Plans the swing from toe off to the next IC: residuals and landing correction."""
        c = self.curves[side]
        T = self.T
        t_ic = self.last_ic(side, t_now) + T
        t_to = t_ic - T + self.stance_frac(side) * T
        ds = self._last_ds
        if ds is not None and ds[0] == side:
            pto = c.s["stance_frac"] - 1e-9
            r_th = ds[1] - c.thigh(pto)
            r_kn = ds[2] - c.knee(pto)
            r_an = (ds[3] - (ds[1] - ds[2])) - c.ankle(pto)
        else:
            r_th = r_kn = r_an = 0.0
        plan = {"t_to": t_to, "t_ic": t_ic, "r_th": r_th, "r_kn": r_kn, "r_an": r_an, "dz_ic": 0.0,
                "pitch_ic_extra": 0.0, "lift": 0.0}
        hip = self.driver_hip(side, t_ic, contact, driver)
        # If the shoe cannot reach the floor with the knee short of full extension, change the
        # foot pitch at contact (more dorsiflexion lowers the heel corner, more plantarflexion the
        # tip), by the smallest amount up to 25 deg that makes the landing reachable.
        for k in range(101):
            plan["pitch_ic_extra"] = (0.5 * ((k + 1) // 2)) * (1 if k % 2 else -1)
            base = self.swing_base(side, t_ic, hip, plan)
            plan["dz_ic"] = -min(base["heel"][1], base["toe"][1])
            if k == 0:
                self.landing_dz[side] = plan["dz_ic"]
            target = (base["ankle_pt"][0], base["ankle_pt"][1] + plan["dz_ic"])
            if math.hypot(target[0] - hip[0], target[1] - hip[1]) <= self.b.landing_reach:
                break
        # toe clearance guard: lift the ankle by a sin(pi u) bump so that the shoe stays at least
        # CLEARANCE_M * sin(pi u) above the floor during the swing
        need = 0.0
        for k in range(1, 60):
            u = k / 60.0
            t = t_to + u * (t_ic - t_to)
            h = self.driver_hip(side, t, contact, driver)
            b = self.swing_base(side, t, h, plan)
            g = min(b["heel"][1], b["toe"][1]) + plan["dz_ic"] * smoothstep((u - 0.6) / 0.4)
            need = max(need, (CLEARANCE_M * math.sin(math.pi * u) - g) / math.sin(math.pi * u))
        plan["lift"] = max(0.0, need)
        leg = self.swing_leg(side, t_ic, hip, plan)
        _, _, heel, toe = leg_fk(self.b, hip, leg["thigh"], leg["knee"], leg["pitch"])
        plan["ic_pitch"] = leg["pitch"]
        plan["heel_x"] = heel[0] if leg["pitch"] >= 0 else toe[0] - self.b.foot_len
        plan["ic_thigh"] = leg["thigh"]
        plan["ic_knee"] = leg["knee"]
        return plan

    def driver_hip(self, swing_side, t, contact, driver):
        """Hip (x, z) of the swing side at time t while 'driver' stays in stance."""
        _, hips = self.stance_leg(driver, t, contact[driver])
        return (hips[swing_side][0], hips[swing_side][2])

    def swing_base(self, side, t, hip, plan):
        c = self.curves[side]
        p = self.phase(side, t)
        u = (t - plan["t_to"]) / (plan["t_ic"] - plan["t_to"])
        w0 = 1.0 - smoothstep(u / 0.35)
        th = c.thigh(p) + plan["r_th"] * w0
        kn = c.knee(p) + plan["r_kn"] * w0
        an = c.ankle(p) + plan["r_an"] * w0 + plan["pitch_ic_extra"] * smoothstep((u - 0.5) / 0.5)
        pitch = th - kn + an
        knee, ankle, heel, toe = leg_fk(self.b, hip, th, kn, pitch)
        return {"thigh": th, "knee": kn, "pitch": pitch, "ankle_pt": ankle, "heel": heel,
                "toe": toe, "u": u}

    def swing_leg(self, side, t, hip, plan):
        b = self.swing_base(side, t, hip, plan)
        u = b["u"]
        dz = plan["dz_ic"] * smoothstep((u - 0.6) / 0.4) + plan["lift"] * math.sin(math.pi * u)
        if dz == 0.0:
            return {"thigh": b["thigh"], "knee": b["knee"], "pitch": b["pitch"], "contact": "none",
                    "knee_pt": leg_fk(self.b, hip, b["thigh"], b["knee"], b["pitch"])[0],
                    "ankle_pt": b["ankle_pt"]}
        target = (b["ankle_pt"][0], b["ankle_pt"][1] + dz)
        th, kn = leg_ik(self.b, hip, target)
        knee, ankle, _, _ = leg_fk(self.b, hip, th, kn, b["pitch"])
        return {"thigh": th, "knee": kn, "pitch": b["pitch"], "contact": "none",
                "knee_pt": knee, "ankle_pt": ankle}


