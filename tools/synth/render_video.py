"""Blender script: renders one synthetic walking video and writes its ground truth.

Run headless:
  blender -b --factory-startup -P tools/synth/render_video.py -- PARAMS.json OUTDIR [--frames A:B]
          [--engine WORKBENCH|CYCLES|EEVEE] [--png-only] [--scale PCT]

Writes OUTDIR/<name>.truth.json, OUTDIR/<name>.landmarks.csv (via truth.py) and PNG frames in
OUTDIR/<name>_frames/; render-all.sh encodes the PNGs to H.264.

The figure is built from smooth primitives (ellipsoids, tapered cylinders, a bevelled sole) and
each body segment is a rigid child of an empty whose world matrix is set per frame from
body.pose(); no armature, so the rendered geometry follows the model exactly.
"""

import json
import math
import os
import sys
import time

import bpy

AA = os.environ.get("SYNTH_AA", "5")
BOOST = float(os.environ.get("SYNTH_BOOST", "1.35"))

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gait_model as gm  # noqa: E402
import truth  # noqa: E402


def arg_list():
    argv = sys.argv
    return argv[argv.index("--") + 1:] if "--" in argv else []


def material(name, rgb, rough=0.6):
    m = bpy.data.materials.new(name)
    m.diffuse_color = (min(1.0, rgb[0] * BOOST), min(1.0, rgb[1] * BOOST), min(1.0, rgb[2] * BOOST), 1.0)
    m.roughness = rough
    m.use_nodes = True
    bsdf = m.node_tree.nodes.get("Principled BSDF")
    if bsdf is not None:
        bsdf.inputs["Base Color"].default_value = (rgb[0], rgb[1], rgb[2], 1.0)
        bsdf.inputs["Roughness"].default_value = rough
    return m


def finish(obj, mat, parent, smooth=True):
    obj.data.materials.append(mat)
    if smooth:
        for p in obj.data.polygons:
            p.use_smooth = True
    obj.parent = parent
    return obj


def ellipsoid(size, loc, mat, parent, segs=24):
    bpy.ops.mesh.primitive_uv_sphere_add(segments=segs, ring_count=segs // 2, radius=0.5,
                                         location=loc)
    o = bpy.context.active_object
    o.scale = size
    return finish(o, mat, parent)


def limb(r_prox, r_dist, length, mat, parent, z0=0.0, verts=24):
    """Tapered cylinder from z0 down to z0 - length (segment-local)."""
    bpy.ops.mesh.primitive_cone_add(vertices=verts, radius1=r_dist, radius2=r_prox, depth=length,
                                    location=(0, 0, z0 - length / 2))
    return finish(bpy.context.active_object, mat, parent)


def box(size, loc, mat, parent, bevel=0.0):
    bpy.ops.mesh.primitive_cube_add(size=1.0, location=loc)
    o = bpy.context.active_object
    o.scale = size
    bpy.ops.object.transform_apply(location=False, rotation=False, scale=True)
    if bevel > 0:
        mod = o.modifiers.new("bevel", "BEVEL")
        mod.width = bevel
        mod.segments = 3
    return finish(o, mat, parent, smooth=bevel > 0)


def empty(name):
    e = bpy.data.objects.new(name, None)
    bpy.context.scene.collection.objects.link(e)
    return e


def build_figure(clothes, b):
    """The figure of body b (gait_model.Body) in its clothes.

    clothes: RGB colours (shirt, trousers, shoes, sole, skin, hair) and optional styles:
    hair_style "short" (default), "long" (to the shoulders), "bun" or "cropped"; sleeves "short"
    (default, skin from above the elbow) or "long" (to the wrist); legs "trousers" (default) or
    "shorts" (skin from above the knee). Primitive sizes follow the body: lengths and widths by
    its scale and segment lengths, thickness also by its girth (no landmark depends on them).
    """
    mats = {k: material(k, v) for k, v in clothes.items() if not isinstance(v, str)}
    mats["eye_white"] = material("eye_white", (0.9, 0.9, 0.88))
    mats["iris"] = material("iris", (0.08, 0.05, 0.03))
    mats["lips"] = material("lips", (0.62, 0.30, 0.28))
    sk, sh, tr = mats["skin"], mats["shirt"], mats["trousers"]
    long_sleeves = clothes.get("sleeves", "short") == "long"
    shorts = clothes.get("legs", "trousers") == "shorts"
    hair_style = clothes.get("hair_style", "short")
    s, g = b.scale, b.girth
    sg = s * g                                    # limb and trunk thickness
    hw = b.hip_half_w / gm.HIP_HALF_W_M           # pelvis width
    sw = b.shoulder_half_w / gm.SHOULDER_HALF_W_M  # chest width
    tu = b.shoulder_up / gm.SHOULDER_UP_M         # trunk length
    ua_l = b.upper_arm / gm.UPPER_ARM_M
    hs = b.hand / gm.HAND_M
    k = b.head                                    # head size
    E = {}

    def seg(name):
        E[name] = empty(name)
        return E[name]

    def head_part(size, loc, mat, parent, segs=24):
        return ellipsoid(tuple(c * k for c in size), tuple(c * k for c in loc), mat, parent, segs)

    p = seg("pelvis")
    ellipsoid((0.23 * sg, 0.35 * hw * g, 0.24 * s), (0.0, 0, 0.02 * s), tr, p)
    t = seg("trunk")
    ellipsoid((0.20 * sg, 0.33 * sw * g, 0.30 * tu), (0.0, 0, 0.10 * tu), sh, t)
    ellipsoid((0.22 * sg, 0.38 * sw * g, 0.32 * tu), (0.0, 0, 0.27 * tu), sh, t)
    for y in (-b.shoulder_half_w, b.shoulder_half_w):
        ellipsoid((0.10 * sg, 0.10 * sg, 0.10 * sg), (0, y * 0.97, b.shoulder_up - 0.01 * s), sh, t)
    n = seg("neck")
    limb(0.05 * sg, 0.055 * sg, 0.14 * s, sk, n, z0=0.14 * s)
    h = seg("head")
    hair = mats["hair"]
    head_part((0.20, 0.155, 0.235), (0, 0, 0), sk, h)
    if hair_style == "cropped":
        head_part((0.207, 0.162, 0.17), (-0.014, 0, 0.05), hair, h)
    else:
        head_part((0.215, 0.172, 0.18), (-0.018, 0, 0.048), hair, h)
        head_part((0.12, 0.165, 0.14), (-0.055, 0, -0.01), hair, h)
    if hair_style == "long":
        head_part((0.10, 0.17, 0.26), (-0.075, 0, -0.10), hair, h)
    elif hair_style == "bun":
        head_part((0.085, 0.085, 0.085), (-0.105, 0, 0.065), hair, h, 16)
    for sgn in (-1, 1):
        head_part((0.012, 0.022, 0.013), (0.083, sgn * 0.032, 0.03), mats["eye_white"], h, 12)
        head_part((0.01, 0.011, 0.011), (0.088, sgn * 0.032, 0.03), mats["iris"], h, 12)
        head_part((0.012, 0.035, 0.008), (0.088, sgn * 0.033, 0.052), hair, h, 12)
        head_part((0.03, 0.018, 0.06), (-0.002, sgn * 0.077, 0.0), sk, h, 12)
    head_part((0.05, 0.028, 0.05), (0.095, 0, -0.005), sk, h, 16)
    head_part((0.014, 0.045, 0.012), (0.088, 0, -0.052), mats["lips"], h, 12)
    for sd in gm.SIDES:
        ua = seg(sd + "_upper_arm")
        ellipsoid((0.10 * sg, 0.10 * sg, 0.10 * sg), (0, 0, -0.005 * s), sh, ua)
        limb(0.056 * sg, 0.05 * sg, 0.17 * ua_l * s, sh, ua)
        limb(0.043 * sg, 0.037 * sg, 0.13 * ua_l * s, sh if long_sleeves else sk, ua, z0=-0.16 * ua_l * s)
        ellipsoid((0.072 * sg, 0.072 * sg, 0.072 * sg), (0, 0, -b.upper_arm), sh if long_sleeves else sk, ua, 16)
        fa = seg(sd + "_forearm")
        limb(0.037 * sg, 0.028 * sg, b.forearm, sh if long_sleeves else sk, fa)
        hd = seg(sd + "_hand")
        ellipsoid((0.05 * hs * g, 0.03 * hs * g, 0.17 * hs), (0.012 * hs, 0, -0.08 * hs), sk, hd, 16)
        th = seg(sd + "_thigh")
        ellipsoid((0.17 * sg, 0.17 * sg, 0.17 * sg), (0, 0, 0), tr, th)
        if shorts:
            limb(0.085 * sg, 0.07 * sg, 0.55 * b.thigh, tr, th)
            limb(0.072 * sg, 0.058 * sg, 0.45 * b.thigh, sk, th, z0=-0.55 * b.thigh)
        else:
            limb(0.085 * sg, 0.058 * sg, b.thigh, tr, th)
        ellipsoid((0.118 * sg, 0.118 * sg, 0.118 * sg), (0, 0, -b.thigh), sk if shorts else tr, th, 16)
        shk = seg(sd + "_shank")
        limb(0.057 * sg, 0.047 * sg, b.shank - 0.03 * s, sk if shorts else tr, shk)
        limb(0.04 * sg, 0.038 * sg, 0.05 * s, sk, shk, z0=-(b.shank - 0.035 * s))
        ft = seg(sd + "_foot")
        # sole: heel corner (-heel_back, -ankle_h) to tip (toe_fwd, -ankle_h)
        lx = b.foot_len
        cx = (b.toe_fwd - b.heel_back) / 2
        box((lx, 0.095 * s, 0.025 * s), (cx, 0, -b.ankle_h + 0.0125 * s), mats["sole"], ft, bevel=0.006 * s)
        ellipsoid((lx - 0.01 * s, 0.092 * s, 0.085 * s), (cx, 0, -b.ankle_h + 0.04 * s), mats["shoes"], ft)
        limb(0.046 * s, 0.05 * s, 0.06 * s, mats["shoes"], ft, z0=0.0)
    return E


def build_room(params):
    room = params.get("room", {})
    floor = material("floor", room.get("floor", (0.55, 0.50, 0.44)), 0.8)
    wall = material("wall", room.get("wall", (0.80, 0.80, 0.76)), 0.9)
    base = material("skirting", (0.35, 0.33, 0.30))
    cam = params["camera"]
    bpy.ops.mesh.primitive_plane_add(size=80, location=(0, 0, 0))
    bpy.context.active_object.data.materials.append(floor)
    if params.get("view", "side") == "side":
        sgn = 1.0 if params.get("direction", "ltr") == "ltr" else -1.0
        wy = sgn * room.get("wall_distance_m", 2.5)
        bpy.ops.mesh.primitive_plane_add(size=80, location=(0, wy, 0),
                                         rotation=(math.pi / 2, 0, 0))
        bpy.context.active_object.data.materials.append(wall)
        bpy.ops.mesh.primitive_cube_add(size=1, location=(0, wy - sgn * 0.01, 0.05))
        o = bpy.context.active_object
        o.scale = (80, 0.02, 0.1)
        o.data.materials.append(base)
    else:
        bpy.ops.mesh.primitive_plane_add(size=80, location=(-12.0, 0, 0),
                                         rotation=(0, math.pi / 2, 0))
        bpy.context.active_object.data.materials.append(wall)
    return cam


def setup_render(engine, scale_pct):
    sc = bpy.context.scene
    sc.render.resolution_x = truth.WIDTH
    sc.render.resolution_y = truth.HEIGHT
    sc.render.resolution_percentage = scale_pct
    sc.render.fps = truth.FPS
    sc.render.image_settings.file_format = "PNG"
    sc.render.image_settings.color_mode = "RGB"
    sc.view_settings.view_transform = "Standard"
    if engine == "WORKBENCH":
        sc.render.engine = "BLENDER_WORKBENCH"
        sh = sc.display.shading
        sh.light = "STUDIO"
        sh.color_type = "MATERIAL"
        sh.show_shadows = True
        sh.shadow_intensity = 0.45
        sh.show_cavity = True
        sh.cavity_type = "WORLD"
        sh.show_specular_highlight = True
        sc.display.render_aa = AA
        sc.display.light_direction = (0.35, -0.45, 0.82)
    elif engine == "EEVEE":
        sc.render.engine = "BLENDER_EEVEE"
        sc.eevee.taa_render_samples = 16
    else:
        sc.render.engine = "CYCLES"
        sc.cycles.samples = 8
        sc.cycles.use_denoising = True
        sc.cycles.device = "CPU"
    if engine != "WORKBENCH":
        w = bpy.data.worlds.new("w") if bpy.context.scene.world is None else bpy.context.scene.world
        sc.world = w
        w.use_nodes = True
        w.node_tree.nodes["Background"].inputs["Strength"].default_value = 0.8
        sun = bpy.data.lights.new("sun", "SUN")
        sun.energy = 3.0
        so = bpy.data.objects.new("sun", sun)
        so.rotation_euler = (math.radians(40), math.radians(15), math.radians(30))
        sc.collection.objects.link(so)


def place_camera(camera):
    import mathutils
    cd = bpy.data.cameras.new("cam")
    cd.lens = camera.lens_mm
    cd.sensor_width = truth.SENSOR_MM
    cd.sensor_fit = "HORIZONTAL"
    co = bpy.data.objects.new("cam", cd)
    bpy.context.scene.collection.objects.link(co)
    r, u, f = camera.right, camera.up, camera.forward
    m = mathutils.Matrix(((r[0], u[0], -f[0], camera.position[0]),
                          (r[1], u[1], -f[1], camera.position[1]),
                          (r[2], u[2], -f[2], camera.position[2]),
                          (0, 0, 0, 1)))
    co.matrix_world = m
    bpy.context.scene.camera = co
    return co


def set_pose(E, seg):
    import mathutils
    for name, (origin, rot) in seg.items():
        e = E.get(name)
        if e is None:
            continue
        e.matrix_world = mathutils.Matrix((
            (rot[0][0], rot[0][1], rot[0][2], origin[0]),
            (rot[1][0], rot[1][1], rot[1][2], origin[1]),
            (rot[2][0], rot[2][1], rot[2][2], origin[2]),
            (0, 0, 0, 1)))


def main():
    args = arg_list()
    params_path, outdir = args[0], args[1]
    engine, frames_sel, scale = "WORKBENCH", None, 100
    i = 2
    while i < len(args):
        if args[i] == "--engine":
            engine = args[i + 1]
            i += 2
        elif args[i] == "--frames":
            a, b = args[i + 1].split(":")
            frames_sel = (int(a), int(b))
            i += 2
        elif args[i] == "--scale":
            scale = int(args[i + 1])
            i += 2
        else:
            i += 1
    with open(params_path) as fh:
        params = json.load(fh)
    bpy.ops.wm.read_factory_settings(use_empty=True)
    built = truth.build(params)
    truth.write(params, outdir, built)
    model, camera, t0, n, frames, evs, spt, d, view = built
    E = build_figure(params["clothes"], model.b)
    build_room(params)
    setup_render(engine, scale)
    place_camera(camera)
    fdir = os.path.join(outdir, params["name"] + "_frames")
    os.makedirs(fdir, exist_ok=True)
    lo, hi = frames_sel if frames_sel else (0, n)
    start = time.time()
    for k in range(lo, min(hi, n)):
        set_pose(E, frames[k]["seg"])
        bpy.context.scene.render.filepath = os.path.join(fdir, "f%05d.png" % k)
        bpy.ops.render.render(write_still=True)
    el = time.time() - start
    print("SYNTH rendered %d frames in %.1f s (%.2f s/frame) engine=%s" % (
        max(0, min(hi, n) - lo), el, el / max(1, min(hi, n) - lo), engine))


main()
