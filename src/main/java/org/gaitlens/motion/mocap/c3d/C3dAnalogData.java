package org.gaitlens.motion.mocap.c3d;

import java.util.Locale;
import org.gaitlens.core.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analog channels of a C3D file's data section (force plates, EMG), in the channels' own units.
 *
 * <p>Each 3D frame carries {@code samplesPerFrame} samples of every channel after its points, channel varying
 * fastest. Samples per frame = the header's analog values per frame / {@code ANALOG:USED} (checked against
 * {@code ANALOG:RATE} / {@code POINT:RATE} when given; the layout wins). A value is
 * {@code (stored - ANALOG:OFFSET) x ANALOG:SCALE x ANALOG:GEN_SCALE}, the stored value a real in real storage,
 * else a 16-bit integer, signed or unsigned as {@code ANALOG:FORMAT} says ({@code ANALOG:OFFSET} read the same
 * way). {@code ANALOG:SCALE2} and {@code OFFSET2} (channels over 255) are not read.
 */
public final class C3dAnalogData {

    private static final Logger LOG = LoggerFactory.getLogger(C3dAnalogData.class);

    private final double[][] values;
    private final int samplesPerFrame;
    private final double rateHz;

    private C3dAnalogData(double[][] values, int samplesPerFrame, double rateHz) {
        this.values = values;
        this.samplesPerFrame = samplesPerFrame;
        this.rateHz = rateHz;
    }

    static C3dAnalogData read(C3dFile file) {
        String source = file.source();
        C3dParameters params = file.parameters();
        int valuesPerFrame = file.analogValuesPerFrame();
        if (valuesPerFrame == 0) {
            return new C3dAnalogData(new double[0][], 0, file.pointRateHz());
        }
        int channels = params.unsignedInt("ANALOG:USED", 0);
        if (channels == 0 || valuesPerFrame % channels != 0) {
            throw new InvalidInputException(source + ": " + valuesPerFrame + " analog values per frame do not "
                    + "divide into ANALOG:USED = " + channels + " channels");
        }
        int perFrame = valuesPerFrame / channels;
        double rateHz = file.pointRateHz() * perFrame;
        C3dParameter analogRate = params.find("ANALOG:RATE").orElse(null);
        if (analogRate != null
                && Math.abs(analogRate.real(0) - perFrame * file.pointRateHz()) > 1e-3 * analogRate.real(0)) {
            LOG.warn("{}: ANALOG:RATE {} Hz disagrees with {} analog samples per {} Hz frame; using the frame layout",
                    source, analogRate.real(0), perFrame, file.pointRateHz());
        }
        boolean unsigned = params.find("ANALOG:FORMAT")
                .map(f -> f.string().toUpperCase(Locale.ROOT).startsWith("UNSIGNED")).orElse(false);
        double genScale = params.real("ANALOG:GEN_SCALE", 1);
        C3dParameter o = params.find("ANALOG:OFFSET").orElse(null);
        C3dParameter sc = params.find("ANALOG:SCALE").orElse(null);
        if (o != null && o.count() < channels || sc != null && sc.count() < channels) {
            throw new InvalidInputException(source + ": " + channels + " analog channels but ANALOG:SCALE/OFFSET hold "
                    + (sc == null ? 0 : sc.count()) + "/" + (o == null ? 0 : o.count()) + " (ANALOG:SCALE2 and "
                    + "OFFSET2 for over 255 channels are not read)");
        }
        C3dBytes b = file.bytes();
        int word = file.wordBytes();
        long analogStart = 4L * file.pointCount() * word;
        double[][] values = new double[channels][file.frameCount() * perFrame];
        for (int c = 0; c < channels; c++) {
            double offset = o == null ? 0 : unsigned ? o.unsignedInt(c) : o.real(c);
            double scale = sc == null ? 1 : sc.real(c);
            for (int f = 0; f < file.frameCount(); f++) {
                long frameAt = file.frameOffset(f) + analogStart;
                for (int k = 0; k < perFrame; k++) {
                    int at = (int) (frameAt + ((long) k * channels + c) * word);
                    double raw = file.storesReals() ? b.real(at) : unsigned ? b.u16(at) : b.i16(at);
                    values[c][f * perFrame + k] = (raw - offset) * scale * genScale;
                }
            }
        }
        return new C3dAnalogData(values, perFrame, rateHz);
    }

    /** Number of channels ({@code ANALOG:USED}); 0 when the file has no analog data. */
    public int channelCount() {
        return values.length;
    }

    /** Analog samples per 3D frame. */
    public int samplesPerFrame() {
        return samplesPerFrame;
    }

    /** Analog sample rate: samples per frame &times; the 3D frame rate, Hz. */
    public double rateHz() {
        return rateHz;
    }

    /**
     * The samples of channel {@code number} (1-based, as {@code FORCE_PLATFORM:CHANNEL} counts), in the channel's
     * units; a fresh copy.
     *
     * @throws IllegalArgumentException if there is no such channel
     */
    public double[] channel(int number) {
        if (number < 1 || number > values.length) {
            throw new IllegalArgumentException("analog channel " + number + " of " + values.length);
        }
        return values[number - 1].clone();
    }
}
