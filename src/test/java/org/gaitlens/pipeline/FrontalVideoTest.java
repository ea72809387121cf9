package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitlens.assess.CameraView;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.Side;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.motion.ViewKind;
import org.gaitlens.pose.PoseModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered frontal sample {@code sample-videos/trunk_list.mp4} through the whole pipeline with the BlazePose
 * model: the view is frontal and only the trunk list is raised, with the trunk shifted to the patient's right.
 */
@Tag("integration")
class FrontalVideoTest {
    @Test
    void trunkListVideoIsFrontalWithOnlyTheTrunkListRaised(@TempDir Path tmp) throws Exception {
        Path video = Files.copy(Path.of("sample-videos", "trunk_list.mp4"), tmp.resolve("trunk_list.mp4"));
        Analysis.Settings settings = new Analysis.Settings(175, PoseModel.FULL, 2, false, false,
                EventMethod.ZENI_REFINED, false, org.gaitlens.motion.mocap.CameraView.LEFT_SIDE,
                Path.of(System.getProperty("gaitlens.models.dir", "models")));
        Analysis.Result r = Analysis.run(video, tmp.resolve("out"), settings, ProgressListener.NONE);
        var s = r.session();
        assertTrue(s.isFrontal(), "frontal path");
        assertEquals(ViewKind.FRONTAL_FRONT, s.frontal().view().kind(), s.frontal().view().description());
        assertEquals(CameraView.FRONTAL, s.assessment().view());
        List<Indicator> raised = s.assessment().indicators().stream()
                .filter(i -> i.strength() == Strength.LIKELY || i.strength() == Strength.POSSIBLE).toList();
        assertEquals(1, raised.size(), raised.toString());
        Indicator trunk = raised.get(0);
        assertEquals(Pattern.TRUNK_LIST, trunk.pattern());
        // the assessment names the side opposite the shift; the truth's list is to the right
        assertEquals(Side.LEFT, trunk.side(), trunk.evidence().toString());
        assertTrue(String.join(" ", trunk.evidence()).contains("shifted toward the right"), trunk.evidence().toString());
        assertTrue(Files.isRegularFile(tmp.resolve("out").resolve("report.pdf")));
    }
}
