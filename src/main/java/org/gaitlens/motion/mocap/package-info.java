/**
 * Landmark input from laboratory motion capture: readers for {@code .trc} ({@link
 * org.gaitlens.motion.mocap.TrcReader}) and {@code .c3d} ({@link org.gaitlens.motion.mocap.C3dReader}, over the
 * format layers of {@code org.gaitlens.motion.mocap.c3d}) giving {@link org.gaitlens.motion.mocap.MarkerData},
 * and the force plates of a C3D file ({@link org.gaitlens.motion.mocap.C3dForcePlates}); {@link
 * org.gaitlens.motion.mocap.MarkerSetMapping} from common marker sets to the joints the gait engine reads; a {@link
 * org.gaitlens.motion.mocap.VirtualCamera} that projects them to a {@link
 * org.gaitlens.motion.LandmarkSeries} (the tests add a pose model's kind of errors with their
 * {@code PoseLikeNoise}). Time convention: seconds since the first sample of the file (see
 * {@link org.gaitlens.motion.mocap.MarkerData}). See {@code docs/mocap.md}.
 */
package org.gaitlens.motion.mocap;
