package org.gaitlens.pose;

/**
 * The three BlazePose GHUM landmark models (Bazarevsky et al. 2020, "BlazePose: On-device Real-time
 * Body Pose tracking", arXiv:2006.10204), as shipped in the npm package {@code @mediapipe/pose}
 * version 0.5.1675469404.
 *
 * <p>All three take a 256x256 RGB crop and give the same 33 (+6 auxiliary) landmarks; they differ in
 * capacity, accuracy and cost (median per-frame ms on 2 vCPUs, 1 thread: lite ~8, full ~12, heavy
 * ~33 on an idle machine; 19 / 25 / 90 with the crop included while ~6 other jobs ran). {@link #FULL}
 * is the default: heavy is more accurate on the legs but about three times slower.
 */
public enum PoseModel {
    /** Smallest and fastest; noticeably worse on the far leg in side view. */
    LITE("pose_landmark_lite.tflite", "f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61"),
    /** Default: good accuracy at real-time cost on two cores. */
    FULL("pose_landmark_full.tflite", "e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f"),
    /** Most accurate, about three times the cost of {@link #FULL}. */
    HEAVY("pose_landmark_heavy.tflite", "59e42d71bcd44cbdbabc419f0ff76686595fd265419566bd4009ef703ea8e1fe");

    private final String fileName;
    private final String sha256;

    PoseModel(String fileName, String sha256) {
        this.fileName = fileName;
        this.sha256 = sha256;
    }

    /** File name of the model inside the models directory. */
    public String fileName() {
        return fileName;
    }

    /** SHA-256 (lower-case hex) of the pinned model file; used when the directory has no SHA256SUMS. */
    public String sha256() {
        return sha256;
    }

    /** Parses a model name case-insensitively ({@code lite}, {@code full}, {@code heavy}). */
    public static PoseModel parse(String name) {
        for (PoseModel m : values()) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown pose model '" + name + "' (expected lite, full or heavy)");
    }
}
