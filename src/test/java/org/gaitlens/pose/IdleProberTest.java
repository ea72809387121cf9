package org.gaitlens.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.video.VideoFrame;
import org.junit.jupiter.api.Test;

/**
 * Idle probing with a scripted detector and per-frame rule: a 30 fps video where a person is in view from a given
 * frame on. The rule records how it was called and, like the estimator's, runs the detector itself unless given
 * the probe's detections.
 */
class IdleProberTest {
    private static final double FPS = 30;
    private static final PersonDetection PERSON = new PersonDetection(0.9, 0, 0, 10, 10,
            List.of(new ImagePoint(100, 300), new ImagePoint(100, 100), new ImagePoint(100, 200),
                    new ImagePoint(100, 150)));
    private static final List<LandmarkPoint> POSE = Collections.nCopies(BodyLandmark.COUNT,
            new LandmarkPoint(100, 200, 0, 1, 1, 0, 0, 0));

    /** The scripted video and what the prober asked of it. */
    private static final class Script {
        final int firstInView;
        final List<Integer> probes = new ArrayList<>();
        final List<String> decisions = new ArrayList<>();
        double lastDetectionS = Double.NEGATIVE_INFINITY;
        final IdleProber prober;

        Script(int firstInView, double intervalS) {
            this.firstInView = firstInView;
            prober = new IdleProber(intervalS, this::probe, this::decide);
        }

        List<PersonDetection> detect(VideoFrame f) {
            lastDetectionS = f.timeS();
            return f.index() >= firstInView ? List.of(PERSON) : List.of();
        }

        List<PersonDetection> probe(VideoFrame f) {
            probes.add(f.index());
            return detect(f);
        }

        PoseFrame decide(VideoFrame f, List<PersonDetection> probed) {
            decisions.add(f.index() + (probed == null ? "" : "p"));
            List<PersonDetection> dets = probed != null ? probed : detect(f);
            prober.nobodyInView(dets.isEmpty());
            return dets.isEmpty() ? PoseFrame.missing(f.index(), f.timeS())
                    : new PoseFrame(f.index(), f.timeS(), POSE, 1);
        }

        /** Pushes frames [from, to] and returns the indices decided, in order. */
        List<Integer> push(int from, int to) {
            List<Integer> out = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                prober.push(new VideoFrame(i, i / FPS, null), lastDetectionS).forEach(p -> out.add(p.frameIndex()));
            }
            return out;
        }
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void nobodyInViewHoldsFramesUntilAProbeAndReplaysThemWhenSomeoneIsFound() {
        Script s = new Script(10, 0.2);
        // Frame 0 is decided at once (its detector run finds nobody); frames 1-5 are held; frame 6 (0.2 s after
        // the last detector run) is probed: nobody, so 1-5 are missing without the rule and 6 gets the probe's output.
        assertEquals(List.of(0), s.push(0, 0));
        assertEquals(List.of(), s.push(1, 5));
        assertEquals(range(1, 6), s.push(6, 6));
        // Frames 7-11 held, 12 probed: the person (in view from frame 10) is there, so 7-12 are replayed in order,
        // the detector running on 7-11 and frame 12 reusing the probe's detections.
        assertEquals(List.of(), s.push(7, 11));
        assertEquals(range(7, 12), s.push(12, 12));
        // Somebody in view: each frame is decided when pushed.
        assertEquals(List.of(13), s.push(13, 13));
        assertEquals(List.of(6, 12), s.probes);
        assertEquals(List.of("0", "6p", "7", "8", "9", "10", "11", "12p", "13"), s.decisions);
    }

    @Test
    void atMostEightFramesAreHeld() {
        Script s = new Script(Integer.MAX_VALUE, 5.0);
        assertEquals(List.of(0), s.push(0, 0));
        assertEquals(List.of(), s.push(1, IdleProber.MAX_HELD_FRAMES - 1));
        assertEquals(range(1, IdleProber.MAX_HELD_FRAMES), s.push(IdleProber.MAX_HELD_FRAMES,
                IdleProber.MAX_HELD_FRAMES));
        assertEquals(List.of(IdleProber.MAX_HELD_FRAMES), s.probes);
    }

    @Test
    void finishDecidesTheHeldFramesAndZeroIntervalHoldsNone() {
        Script s = new Script(Integer.MAX_VALUE, 0.2);
        s.push(0, 3);
        List<Integer> rest = s.prober.finish().stream().map(PoseFrame::frameIndex).toList();
        assertEquals(range(1, 3), rest);
        assertEquals(List.of(), s.prober.finish());

        Script every = new Script(Integer.MAX_VALUE, 0);
        assertEquals(range(0, 20), every.push(0, 20));
        assertTrue(every.probes.isEmpty());
        assertEquals(21, every.decisions.size());
    }
}
