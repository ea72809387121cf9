/**
 * The C3D file format in layers, like ezc3d's: {@link org.gaitlens.motion.mocap.c3d.C3dHeader} (the header block),
 * {@link org.gaitlens.motion.mocap.c3d.C3dParameters} (groups and parameters with typed accessors),
 * {@link org.gaitlens.motion.mocap.c3d.C3dFile} (a parsed file: processor type, data layout) and its
 * {@link org.gaitlens.motion.mocap.c3d.C3dPointData} and {@link org.gaitlens.motion.mocap.c3d.C3dAnalogData}.
 * Format only: turning a file into gaitlens' marker data and force plates is
 * {@link org.gaitlens.motion.mocap.C3dReader}'s and {@link org.gaitlens.motion.mocap.C3dForcePlates}' job, and this
 * package imports nothing from {@code org.gaitlens.motion}. See {@code docs/mocap.md}.
 */
package org.gaitlens.motion.mocap.c3d;
