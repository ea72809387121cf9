package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.gaitlens.core.Side;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.motion.WalkingPass;
import org.junit.jupiter.api.Test;

/**
 * The side toward a side-view camera follows from which way the walker faces in the image; the rendered samples'
 * truth agrees (normal.truth.json: walking left to right, {@code side_facing_camera} right; antalgic: right to
 * left, left).
 */
class AssessmentInputsNearSideTest {

    private static WalkingPass pass(int index, WalkingDirection facing) {
        return new WalkingPass(index, index * 100, index * 100 + 90, index * 3.3, index * 3.3 + 3, facing, 200, facing);
    }

    @Test
    void facingRightShowsTheRightSideAndFacingLeftTheLeft() {
        assertEquals(Side.RIGHT, AssessmentInputs.nearSide(List.of(pass(0, WalkingDirection.POSITIVE_X))));
        assertEquals(Side.LEFT, AssessmentInputs.nearSide(List.of(pass(0, WalkingDirection.NEGATIVE_X),
                pass(1, WalkingDirection.NEGATIVE_X))));
    }

    @Test
    void passesInBothDirectionsHaveNoSingleNearSide() {
        assertNull(AssessmentInputs.nearSide(List.of(pass(0, WalkingDirection.POSITIVE_X),
                pass(1, WalkingDirection.NEGATIVE_X))));
        assertNull(AssessmentInputs.nearSide(List.of()));
    }
}
