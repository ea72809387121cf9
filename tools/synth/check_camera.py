"""Checks that Blender's camera projects the model's 3D landmarks where truth.py says (< 0.01 px).

Run: blender -b --factory-startup --python tools/synth/check_camera.py [-- NAME...]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bpy, mathutils
from bpy_extras.object_utils import world_to_camera_view
import truth
bpy.ops.wm.read_factory_settings(use_empty=True)
sc = bpy.context.scene
sc.render.resolution_x, sc.render.resolution_y = 1280, 720
names = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else ["normal", "antalgic", "trunk_list"]
worst = 0.0
for name in names:
    with open(os.path.join(HERE, "params", name + ".json")) as fh:
        prm = json.load(fh)
    model, cam, t0, n, frames, evs, spt, d, view = truth.build(prm)
    cd = bpy.data.cameras.new("c"); cd.lens = cam.lens_mm; cd.sensor_width = 36; cd.sensor_fit = 'HORIZONTAL'
    co = bpy.data.objects.new("c", cd); sc.collection.objects.link(co)
    r, u, f = cam.right, cam.up, cam.forward
    co.matrix_world = mathutils.Matrix(((r[0], u[0], -f[0], cam.position[0]), (r[1], u[1], -f[1], cam.position[1]), (r[2], u[2], -f[2], cam.position[2]), (0, 0, 0, 1)))
    bpy.context.view_layer.update()
    err = 0
    for fr in frames[::20]:
        for k, p in fr['lm'].items():
            v = world_to_camera_view(sc, co, mathutils.Vector(p))
            x, y = v.x * 1280, (1 - v.y) * 720
            tx, ty, _ = cam.project(p)
            err = max(err, abs(x - tx), abs(y - ty))
    print("CAMCHECK", name, "max |blender - truth| px = %.2e" % err)
    worst = max(worst, err)
sys.exit(0 if worst < 0.01 else 1)
