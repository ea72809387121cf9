package org.gaitlens.core;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 33 body landmarks of the BlazePose GHUM topology, in the model's output order.
 *
 * <p>Names and order follow MediaPipe's pose landmark model card (BlazePose, Bazarevsky et al. 2020,
 * arXiv:2006.10204). Left and right are the person's anatomical sides.
 */
public enum BodyLandmark {
    NOSE(null),
    LEFT_EYE_INNER(Side.LEFT),
    LEFT_EYE(Side.LEFT),
    LEFT_EYE_OUTER(Side.LEFT),
    RIGHT_EYE_INNER(Side.RIGHT),
    RIGHT_EYE(Side.RIGHT),
    RIGHT_EYE_OUTER(Side.RIGHT),
    LEFT_EAR(Side.LEFT),
    RIGHT_EAR(Side.RIGHT),
    MOUTH_LEFT(Side.LEFT),
    MOUTH_RIGHT(Side.RIGHT),
    LEFT_SHOULDER(Side.LEFT),
    RIGHT_SHOULDER(Side.RIGHT),
    LEFT_ELBOW(Side.LEFT),
    RIGHT_ELBOW(Side.RIGHT),
    LEFT_WRIST(Side.LEFT),
    RIGHT_WRIST(Side.RIGHT),
    LEFT_PINKY(Side.LEFT),
    RIGHT_PINKY(Side.RIGHT),
    LEFT_INDEX(Side.LEFT),
    RIGHT_INDEX(Side.RIGHT),
    LEFT_THUMB(Side.LEFT),
    RIGHT_THUMB(Side.RIGHT),
    LEFT_HIP(Side.LEFT),
    RIGHT_HIP(Side.RIGHT),
    LEFT_KNEE(Side.LEFT),
    RIGHT_KNEE(Side.RIGHT),
    LEFT_ANKLE(Side.LEFT),
    RIGHT_ANKLE(Side.RIGHT),
    LEFT_HEEL(Side.LEFT),
    RIGHT_HEEL(Side.RIGHT),
    LEFT_FOOT_INDEX(Side.LEFT),
    RIGHT_FOOT_INDEX(Side.RIGHT);

    /** Number of landmarks in the topology. */
    public static final int COUNT = 33;

    private final Side side;

    BodyLandmark(Side side) {
        this.side = side;
    }

    /** The anatomical side, empty for the nose. */
    public Optional<Side> side() {
        return Optional.ofNullable(side);
    }

    /** The same landmark on the other side of the body; the nose maps to itself. */
    public BodyLandmark mirror() {
        if (side == null) {
            return this;
        }
        String n = name();
        String swapped = side == Side.LEFT ? n.replace("LEFT", "RIGHT") : n.replace("RIGHT", "LEFT");
        return valueOf(swapped);
    }

    /** The landmark of a body part on a given side, e.g. {@code of(Side.LEFT, BodyPart.HEEL)}. */
    public static BodyLandmark of(Side side, BodyPart part) {
        return BY_SIDE_AND_PART.get(side).get(part);
    }

    /** The bilateral body part, empty for the nose and the mouth corners. */
    public Optional<BodyPart> part() {
        if (side == null || !name().startsWith(side.name() + "_")) {
            return Optional.empty();
        }
        return Optional.of(BodyPart.valueOf(name().substring(side.name().length() + 1)));
    }

    private static final Map<Side, Map<BodyPart, BodyLandmark>> BY_SIDE_AND_PART = bySideAndPart();

    private static Map<Side, Map<BodyPart, BodyLandmark>> bySideAndPart() {
        Map<Side, Map<BodyPart, BodyLandmark>> m = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Map<BodyPart, BodyLandmark> parts = new EnumMap<>(BodyPart.class);
            for (BodyPart part : BodyPart.values()) {
                parts.put(part, valueOf(side.name() + "_" + part.name()));
            }
            m.put(side, parts);
        }
        return m;
    }

    /** Lower-case name used in files, e.g. {@code left_heel}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower- or upper-case name used in files. */
    public static BodyLandmark fromFileName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown landmark name '" + name + "'", e);
        }
    }
}
