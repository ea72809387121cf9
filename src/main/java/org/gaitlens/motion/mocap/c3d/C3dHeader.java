package org.gaitlens.motion.mocap.c3d;

/**
 * The 512-byte header block of a C3D file (C3D user guide, "The header section"): the words a reader needs when the
 * parameter section does not say otherwise. Word numbers below are 1-based 16-bit words, as in the guide.
 *
 * @param parameterBlock       word 1, low byte: block number (1-based, 512 bytes each) of the parameter section
 * @param pointCount           word 2: 3D points per frame
 * @param analogValuesPerFrame word 3: analog values per 3D frame, all channels and samples together
 * @param firstFrame           word 4: number of the first frame
 * @param lastFrame            word 5: number of the last frame
 * @param scale                words 7-8: 3D scale factor; negative = points stored as reals
 * @param dataStartBlock       word 9: block number of the first data block
 * @param pointRateHz          words 11-12: 3D frame rate, Hz
 */
public record C3dHeader(int parameterBlock, int pointCount, int analogValuesPerFrame, int firstFrame, int lastFrame,
        double scale, int dataStartBlock, double pointRateHz) {

    /** Size of a C3D block, bytes. */
    static final int BLOCK_BYTES = 512;

    static C3dHeader read(C3dBytes b) {
        return new C3dHeader(b.u8(0), b.u16(2), b.u16(4), b.u16(6), b.u16(8), b.real(12), b.u16(16), b.real(20));
    }
}
