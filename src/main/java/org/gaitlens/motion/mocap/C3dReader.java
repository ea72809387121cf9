package org.gaitlens.motion.mocap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Side;
import org.gaitlens.motion.mocap.c3d.C3dFile;
import org.gaitlens.motion.mocap.c3d.C3dParameter;
import org.gaitlens.motion.mocap.c3d.C3dParameters;
import org.gaitlens.motion.mocap.c3d.C3dPointData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads marker trajectories, gait events and force plates from a C3D file, in pure Java.
 *
 * <p>The format itself is read in layers, like ezc3d's: {@link C3dFile} parses the header and the parameter section
 * and knows the data layout (processor types Intel, DEC and MIPS; integer and real storage), its
 * {@link C3dFile#points() point data} and {@link C3dFile#analogs() analog data} decode the data section, and
 * {@link C3dForcePlates} reads the plates on top of a parsed file. This class turns a parsed file into gaitlens'
 * {@link MarkerData}:
 * <ul>
 *   <li>point labels from {@code POINT:LABELS}, {@code LABELS2}, {@code LABELS3}, ...; units from
 *       {@code POINT:UNITS} (mm, cm, m; mm when absent), converted to metres;</li>
 *   <li>a missing sample (negative residual) is NaN;</li>
 *   <li>the {@code EVENT} group: {@code CONTEXTS} (Left / Right), {@code LABELS}, {@code TIMES} as
 *       (minutes, seconds) pairs; events of other contexts (e.g. General) are skipped.</li>
 * </ul>
 * Points named in {@code POINT:ANGLES}, {@code FORCES}, {@code MOMENTS}, {@code POWERS}, {@code SCALARS},
 * {@code REACTIONS} or in the groups that {@code POINT:TYPE_GROUPS} lists are model outputs, not positions: they
 * go, unconverted, to {@link MarkerData#modelOutputs()}.
 *
 * <p>Names: when {@code POINT:LABELS} repeats a label (Motion Analysis files abbreviate
 * {@code R.Knee} and {@code R.Knee.Medial} both to {@code RKNE}) and {@code POINT:DESCRIPTIONS} are all
 * non-blank and unique, the descriptions are used as names; otherwise repeats get a {@code #2} suffix.
 *
 * <p>Time: C3D software (Vicon) counts {@code time = (frame - 1) / rate}; the event times in the file
 * follow that clock. The reader returns gaitlens times (first sample at 0 s) and sets
 * {@link MarkerData#fileTimeOfFirstSampleS()} {@code = (firstFrame - 1) / rate}.
 */
public final class C3dReader {

    private static final Logger LOG = LoggerFactory.getLogger(C3dReader.class);

    private C3dReader() {
    }

    /**
     * Reads the markers and events of a C3D file.
     *
     * @throws InvalidInputException if the file cannot be read or is not a C3D file this reader supports
     */
    public static MarkerData read(Path file) {
        return markers(C3dFile.read(file));
    }

    /**
     * Reads the force plates of a C3D file ({@link C3dForcePlates}).
     *
     * @return the plates, empty when the file has none
     * @throws InvalidInputException if the file cannot be read, or its force-plate parameters are inconsistent
     */
    public static List<ForcePlate> readForcePlates(Path file) {
        return C3dForcePlates.read(C3dFile.read(file));
    }

    /**
     * The markers, model outputs and events of a parsed file.
     *
     * @throws InvalidInputException if its {@code POINT:UNITS} are not a length unit
     */
    public static MarkerData markers(C3dFile file) {
        String source = file.source();
        C3dParameters params = file.parameters();
        double metresPerUnit = metresPerUnit(file);
        List<String> labels = pointNames(params, file.pointCount(), source);
        Set<String> outputs = modelOutputNames(params);
        C3dPointData points = file.points();
        List<String> markerNames = new ArrayList<>();
        Map<String, double[][]> positions = new LinkedHashMap<>();
        Map<String, double[][]> modelOutputs = new LinkedHashMap<>();
        for (int p = 0; p < file.pointCount(); p++) {
            String name = labels.get(p);
            double[][] trajectory = points.trajectory(p);
            if (outputs.contains(name)) {
                modelOutputs.put(name, trajectory);
            } else {
                for (double[] s : trajectory) {
                    s[0] *= metresPerUnit;
                    s[1] *= metresPerUnit;
                    s[2] *= metresPerUnit;
                }
                markerNames.add(name);
                positions.put(name, trajectory);
            }
        }
        double rateHz = file.pointRateHz();
        double fileTimeOfFirst = (file.firstFrame() - 1) / rateHz;
        List<MocapEvent> events = events(params, fileTimeOfFirst, source);
        LOG.debug("{}: processor {}, {} points ({} markers), {} frames at {} Hz from frame {}, {} events",
                source, file.processor().code(), file.pointCount(), markerNames.size(), file.frameCount(), rateHz,
                file.firstFrame(), events.size());
        return new MarkerData(markerNames, positions, rateHz, file.firstFrame(), fileTimeOfFirst, events,
                modelOutputs, source);
    }

    /** Metres per unit of the file's {@code POINT:UNITS}; millimetres when absent. */
    static double metresPerUnit(C3dFile file) {
        String units = file.parameters().find("POINT:UNITS").map(C3dParameter::string).orElse(null);
        if (units == null) {
            return 1e-3;
        }
        double metresPerUnit = MarkerData.metresPerUnit(units);
        if (Double.isNaN(metresPerUnit)) {
            throw new InvalidInputException(file.source() + ": unknown POINT:UNITS '" + units
                    + "' (expected mm, cm or m)");
        }
        return metresPerUnit;
    }

    private static List<String> pointNames(C3dParameters params, int points, String source) {
        List<String> labels = params.concatenatedStrings("POINT:LABELS");
        List<String> descriptions = params.concatenatedStrings("POINT:DESCRIPTIONS");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            String l = i < labels.size() ? labels.get(i).trim() : "";
            names.add(l.isEmpty() ? "Point" + (i + 1) : l);
        }
        if (new HashSet<>(names).size() == names.size()) {
            return names;
        }
        if (descriptions.size() >= points) {
            List<String> d = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                d.add(descriptions.get(i).trim());
            }
            if (!d.contains("") && new HashSet<>(d).size() == d.size()) {
                LOG.info("{}: POINT:LABELS repeat names; using POINT:DESCRIPTIONS as marker names", source);
                return d;
            }
        }
        List<String> unique = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String n : names) {
            int k = seen.merge(n, 1, Integer::sum);
            unique.add(k == 1 ? n : n + "#" + k);
        }
        LOG.warn("{}: POINT:LABELS repeat names; repeats renamed with a #k suffix", source);
        return unique;
    }

    private static Set<String> modelOutputNames(C3dParameters params) {
        Set<String> groups = new HashSet<>(List.of("ANGLES", "FORCES", "MOMENTS", "POWERS", "SCALARS",
                "REACTIONS"));
        List<String> typeGroups = params.strings("POINT:TYPE_GROUPS");
        for (int i = 0; i < typeGroups.size(); i += 2) {
            groups.add(typeGroups.get(i).trim().toUpperCase(Locale.ROOT));
        }
        Set<String> names = new HashSet<>();
        for (String g : groups) {
            for (String n : params.concatenatedStrings("POINT:" + g)) {
                if (!n.isBlank()) {
                    names.add(n.trim());
                }
            }
        }
        return names;
    }

    private static List<MocapEvent> events(C3dParameters params, double fileTimeOfFirst, String source) {
        C3dParameter times = params.find("EVENT:TIMES").orElse(null);
        if (!params.has("EVENT:USED") || times == null) {
            return List.of();
        }
        int n = params.unsignedInt("EVENT:USED", 0);
        List<String> contexts = params.strings("EVENT:CONTEXTS");
        List<String> labels = params.strings("EVENT:LABELS");
        List<MocapEvent> out = new ArrayList<>();
        for (int i = 0; i < n && 2 * i + 1 < times.count(); i++) {
            String context = i < contexts.size() ? contexts.get(i).trim() : "";
            Side side;
            if (context.equalsIgnoreCase("Left")) {
                side = Side.LEFT;
            } else if (context.equalsIgnoreCase("Right")) {
                side = Side.RIGHT;
            } else {
                LOG.debug("{}: event {} has context '{}', skipped", source, i, context);
                continue;
            }
            double fileTime = 60.0 * times.real(2 * i) + times.real(2 * i + 1);
            String label = i < labels.size() ? labels.get(i).trim() : "";
            out.add(new MocapEvent(side, label, fileTime - fileTimeOfFirst));
        }
        out.sort((a, b) -> Double.compare(a.timeS(), b.timeS()));
        return out;
    }
}
