package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gaitlens.core.Side;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.motion.WalkingPass;
import org.junit.jupiter.api.Test;

/**
 * The side toward a side-view camera follows from which way the walker faces in the image
 * ({@link WalkingPass#nearSide()}; over a session's strides: {@code PooledSessionTest}); the rendered samples' truth
 * agrees (normal.truth.json: walking left to right, {@code side_facing_camera} right; antalgic: right to
 * left, left).
 */
class AssessmentInputsNearSideTest {

    private static WalkingPass pass(int index, WalkingDirection facing) {
        return new WalkingPass(index, index * 100, index * 100 + 90, index * 3.3, index * 3.3 + 3, facing, 200, facing);
    }

    @Test
    void facingRightShowsTheRightSideAndFacingLeftTheLeft() {
        assertEquals(Side.RIGHT, pass(0, WalkingDirection.POSITIVE_X).nearSide());
        assertEquals(Side.LEFT, pass(1, WalkingDirection.NEGATIVE_X).nearSide());
    }

    /** The allowance applies to pose-model landmarks only: a video, or a landmarks.csv that gaitlens pose wrote. */
    @Test
    void onlyPoseModelLandmarksGetTheNearSideAllowance(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("landmarks.csv"), "frame\n");
        java.util.function.Function<String, SessionAnalysis.Provenance> prov = kind ->
                new SessionAnalysis.Provenance(csv, "0", kind, java.util.Map.of());
        org.junit.jupiter.api.Assertions.assertTrue(SessionAnalysis.fromPoseModel(prov.apply("video")));
        org.junit.jupiter.api.Assertions.assertFalse(SessionAnalysis.fromPoseModel(prov.apply("landmarks")),
                "exact or third-party landmarks");
        org.junit.jupiter.api.Assertions.assertFalse(SessionAnalysis.fromPoseModel(prov.apply("c3d")));
        java.nio.file.Files.writeString(dir.resolve("video.json"), "{}");
        org.junit.jupiter.api.Assertions.assertTrue(SessionAnalysis.fromPoseModel(prov.apply("landmarks")),
                "written by gaitlens pose");
    }
}
