package org.gaitlens.motion.mocap;

import java.util.ArrayList;
import java.util.List;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.motion.mocap.c3d.C3dAnalogData;
import org.gaitlens.motion.mocap.c3d.C3dFile;
import org.gaitlens.motion.mocap.c3d.C3dParameter;
import org.gaitlens.motion.mocap.c3d.C3dParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The force plates of a parsed C3D file: the {@code FORCE_PLATFORM} group and the analog channels it names
 * ({@link C3dAnalogData}), as {@link ForcePlate}s.
 *
 * <p>Plate types 1 and 2 (vertical force = the plate's third channel) and 3 (Kistler: the sum of channels 5-8) are
 * read; type 4 (raw channels through {@code FORCE_PLATFORM:CAL_MATRIX}) and others are skipped with a warning.
 * Corners ({@code FORCE_PLATFORM:CORNERS}) are converted from {@code POINT:UNITS} to metres, like the markers.
 */
public final class C3dForcePlates {

    /** Warnings appear under the reader's name, the entry point users call. */
    private static final Logger LOG = LoggerFactory.getLogger(C3dReader.class);

    private C3dForcePlates() {
    }

    /**
     * Reads the plates of a parsed file.
     *
     * @return the plates, empty when the file has none
     * @throws InvalidInputException if its force-plate or analog parameters are inconsistent
     */
    public static List<ForcePlate> read(C3dFile file) {
        String source = file.source();
        C3dParameters params = file.parameters();
        int plates = params.unsignedInt("FORCE_PLATFORM:USED", 0);
        if (plates == 0 || file.analogValuesPerFrame() == 0) {
            return List.of();
        }
        C3dAnalogData analogs = file.analogs();
        int channels = analogs.channelCount();
        C3dParameter type = params.find("FORCE_PLATFORM:TYPE").orElse(null);
        C3dParameter channel = params.find("FORCE_PLATFORM:CHANNEL").orElse(null);
        C3dParameter corners = params.find("FORCE_PLATFORM:CORNERS").orElse(null);
        if (type == null || channel == null || corners == null || type.count() < plates || corners.count() < 12 * plates) {
            throw new InvalidInputException(source + ": FORCE_PLATFORM:USED = " + plates + " but TYPE, CHANNEL or "
                    + "CORNERS is missing or short");
        }
        int rows = channel.dims().length > 0 ? channel.dims()[0] : 6;
        double metresPerUnit = C3dReader.metresPerUnit(file);
        List<ForcePlate> out = new ArrayList<>();
        for (int p = 0; p < plates; p++) {
            int t = type.unsignedInt(p);
            int[] fz = switch (t) {
                case 1, 2 -> new int[] {channel.unsignedInt(p * rows + 2)};
                case 3 -> new int[] {channel.unsignedInt(p * rows + 4), channel.unsignedInt(p * rows + 5),
                        channel.unsignedInt(p * rows + 6), channel.unsignedInt(p * rows + 7)};
                default -> null;
            };
            if (fz == null) {
                LOG.warn("{}: force plate {} has type {}, which gaitlens does not read (1-3); skipped", source, p + 1, t);
                continue;
            }
            double[][] fzChannels = new double[fz.length][];
            for (int k = 0; k < fz.length; k++) {
                if (fz[k] < 1 || fz[k] > channels) {
                    throw new InvalidInputException(source + ": force plate " + (p + 1) + " names analog channel "
                            + fz[k] + " of " + channels);
                }
                fzChannels[k] = analogs.channel(fz[k]);
            }
            double[] force = new double[file.frameCount() * analogs.samplesPerFrame()];
            for (int i = 0; i < force.length; i++) {
                double sum = 0;
                for (double[] c : fzChannels) {
                    sum += c[i];
                }
                force[i] = sum;
            }
            double[][] xyz = new double[4][3];
            for (int k = 0; k < 4; k++) {
                for (int d = 0; d < 3; d++) {
                    xyz[k][d] = corners.real(p * 12 + k * 3 + d) * metresPerUnit;
                }
            }
            out.add(new ForcePlate(p + 1, xyz, force, analogs.rateHz(), 0));
        }
        return out;
    }
}
