package org.gaitlens.pose;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which detected person is the walker (not part of BlazePose, which tracks one person; the rules and their
 * numbers are described in {@link BlazePoseEstimator}).
 *
 * <ul>
 *   <li>{@link #acquisitionOrder}: the order in which the detections of a frame without a usable pose are tried:
 *       within the hold after losing the track, only people near the predicted position, nearest first; else a
 *       person seen walking first, then by prominence (size, reduced off-centre).</li>
 *   <li>{@link #walkerToSwitchTo}: while tracking, the other people found by the periodic detector scans are
 *       followed as candidates (nearest-neighbour association of their hip centres); a candidate who walks
 *       across the frame while the tracked person stands is the one to switch to.</li>
 * </ul>
 */
final class WalkerSelector {
    private static final Logger LOG = LoggerFactory.getLogger(WalkerSelector.class);

    /** Minimum horizontal speed of a walking person, body radii per second. */
    static final double WALKER_MIN_SPEED = 0.5;
    /** Maximum speed of the tracked person to count as not walking, body radii per second. */
    static final double STANDING_MAX_SPEED = 0.3;
    /** Scan interval while the tracked person does not walk, s. */
    static final double SCAN_INTERVAL_IDLE_S = 0.1;
    /** Scan interval while the tracked person walks, s. */
    static final double SCAN_INTERVAL_WALKING_S = 1.0;
    /** Distance from the prediction, in body radii, beyond which a re-detection is another person. */
    static final double IDENTITY_GATE_RADII = 1.0;
    /** Candidates unseen for longer than this are dropped, s. */
    private static final double CANDIDATE_TIMEOUT_S = 1.0;

    private final List<Candidate> candidates = new ArrayList<>();
    private int nextCandidateId = 1;

    /** Another person followed by the scans. */
    static final class Candidate {
        private final int id;
        private final HipTrack hips = new HipTrack();
        private PersonDetection lastDetection;

        private Candidate(int id) {
            this.id = id;
        }

        /** The detection of the latest scan that saw this person, or null if that scan did not. */
        PersonDetection lastDetection() {
            return lastDetection;
        }

        /** Horizontal speed at time {@code t}, body radii per second ({@link HipTrack#speedRadiiPerS}). */
        double speedRadiiPerS(double t) {
            return hips.speedRadiiPerS(t);
        }

        @Override
        public String toString() {
            return "candidate " + id;
        }
    }

    /**
     * Whether the detector should scan the frame at time {@code t} for other people: every
     * {@value #SCAN_INTERVAL_IDLE_S} s, or every {@value #SCAN_INTERVAL_WALKING_S} s while the tracked person walks.
     *
     * @param lastDetectionS   time of the frame the detector last ran on, s
     * @param ownSpeedRadiiPerS the tracked person's speed (NaN when unknown)
     */
    static boolean scanDue(double t, double lastDetectionS, double ownSpeedRadiiPerS) {
        double interval = !Double.isNaN(ownSpeedRadiiPerS) && Math.abs(ownSpeedRadiiPerS) >= WALKER_MIN_SPEED
                ? SCAN_INTERVAL_WALKING_S : SCAN_INTERVAL_IDLE_S;
        return t - lastDetectionS >= interval;
    }

    /**
     * The order in which to try the detections of a frame at time {@code t} that has no pose from tracking.
     * Within the hold ({@link TrackHistory#holding}): only detections whose hip centre lies within
     * {@value #IDENTITY_GATE_RADII} body radius of the predicted one, nearest first. Otherwise (the candidates are
     * updated with these detections): a walking candidate's detection first, then the rest by prominence.
     */
    List<PersonDetection> acquisitionOrder(List<PersonDetection> dets, double t, TrackHistory track, double holdS,
                                           double widthPx, double heightPx) {
        List<PersonDetection> order = new ArrayList<>();
        if (track.holding(t, holdS)) {
            ImagePoint predicted = track.predictedHipCentre(t);
            double gate = IDENTITY_GATE_RADII * track.lastRadiusPx();
            dets.stream()
                    .filter(d -> d.hipCentre().distanceTo(predicted) <= gate)
                    .sorted((a, b) -> Double.compare(a.hipCentre().distanceTo(predicted),
                            b.hipCentre().distanceTo(predicted)))
                    .forEach(order::add);
            return order;
        }
        updateCandidates(dets, t, null);
        Candidate walker = bestWalker(t, Double.POSITIVE_INFINITY);
        if (walker != null) {
            dets.stream().filter(d -> d == walker.lastDetection).findFirst().ifPresent(order::add);
        }
        List<PersonDetection> rest = new ArrayList<>(dets);
        rest.removeAll(order);
        rest.sort((a, b) -> Double.compare(prominence(b, widthPx, heightPx), prominence(a, widthPx, heightPx)));
        order.addAll(rest);
        return order;
    }

    /** Body prominence for choosing among people: body radius, reduced by up to half off-centre. */
    private static double prominence(PersonDetection d, double w, double h) {
        double dx = (d.hipCentre().xPx() - w / 2) / (w / 2);
        double dy = (d.hipCentre().yPx() - h / 2) / (h / 2);
        double off = Math.min(1, Math.hypot(dx, dy));
        return d.bodyRadiusPx() * (1 - 0.5 * off);
    }

    /**
     * After a scan at time {@code t} while tracking: updates the candidates with the scan's detections (the
     * tracked person's own detection left out) and returns the candidate to move the track to, or null. A
     * candidate qualifies when the tracked person moves at less than {@value #STANDING_MAX_SPEED} radii/s and less
     * than half as fast as the candidate, who was seen by this scan and walks ({@link #bestWalker}).
     *
     * @param current           the tracked person's pose in this frame
     * @param ownSpeedRadiiPerS the tracked person's speed (NaN when unknown: no switch)
     */
    Candidate walkerToSwitchTo(List<PersonDetection> dets, double t, LandmarkerResult current,
                               double ownSpeedRadiiPerS) {
        updateCandidates(dets, t, current);
        if (LOG.isTraceEnabled()) {
            trace(dets, t, current, ownSpeedRadiiPerS);
        }
        if (Double.isNaN(ownSpeedRadiiPerS) || Math.abs(ownSpeedRadiiPerS) >= STANDING_MAX_SPEED) {
            return null;
        }
        Candidate walker = bestWalker(t, t);
        if (walker == null || Math.abs(ownSpeedRadiiPerS) >= 0.5 * Math.abs(walker.speedRadiiPerS(t))) {
            return null;
        }
        return walker;
    }

    /** The track moved to this candidate: it is the tracked person now, no longer a candidate. */
    void forget(Candidate c) {
        candidates.remove(c);
    }

    private void trace(List<PersonDetection> dets, double t, LandmarkerResult current, double own) {
        StringBuilder sb = new StringBuilder();
        for (Candidate c : candidates) {
            HipTrack.Sample s = c.hips.last();
            sb.append(String.format(Locale.ROOT, " [%s at %.0f,%.0f r=%.0f v=%.2f]", c, s.xPx(), s.yPx(),
                    s.radiusPx(), c.speedRadiiPerS(t)));
        }
        for (PersonDetection d : dets) {
            sb.append(String.format(Locale.ROOT, " {det %.2f hip %.0f,%.0f r=%.0f box %.0f,%.0f-%.0f,%.0f}",
                    d.score(), d.hipCentre().xPx(), d.hipCentre().yPx(), d.bodyRadiusPx(), d.xMinPx(),
                    d.yMinPx(), d.xMaxPx(), d.yMaxPx()));
        }
        LOG.trace(String.format(Locale.ROOT, "t=%.3f scan: %d detections, own %.0f,%.0f r=%.0f v=%.2f;%s", t,
                dets.size(), current.alignmentCentre().xPx(), current.alignmentCentre().yPx(),
                TrackHistory.radiusPx(current), own, sb));
    }

    /**
     * The fastest candidate that walks ({@value #WALKER_MIN_SPEED} radii/s or more, in one direction) and was seen
     * by the scan at time {@code seenAt} (any scan if infinite); null if none.
     */
    private Candidate bestWalker(double t, double seenAt) {
        Candidate best = null;
        double bestDisp = 0;
        for (Candidate c : candidates) {
            if (Double.isFinite(seenAt) && c.hips.last().timeS() != seenAt) {
                continue;
            }
            if (c.lastDetection == null) {
                continue;
            }
            double d = Math.abs(c.speedRadiiPerS(t));
            if (d >= WALKER_MIN_SPEED && c.hips.movesOneWay() && d > bestDisp) {
                best = c;
                bestDisp = d;
            }
        }
        return best;
    }

    /**
     * Associates detections with candidates (skipping the tracked person's own detection, within half a body
     * radius of its hip centre) by nearest hip centre within a gate growing with the time unseen; unmatched
     * detections become new candidates; candidates unseen for {@value #CANDIDATE_TIMEOUT_S} s are dropped.
     *
     * @param current the tracked person's pose, or null when there is none
     */
    private void updateCandidates(List<PersonDetection> dets, double t, LandmarkerResult current) {
        for (Iterator<Candidate> it = candidates.iterator(); it.hasNext(); ) {
            Candidate c = it.next();
            if (t - c.hips.last().timeS() > CANDIDATE_TIMEOUT_S) {
                it.remove();
            } else {
                c.lastDetection = null;
            }
        }
        List<Candidate> taken = new ArrayList<>();
        for (PersonDetection d : dets) {
            if (current != null
                    && d.hipCentre().distanceTo(current.alignmentCentre()) < 0.5 * TrackHistory.radiusPx(current)) {
                continue;
            }
            Candidate best = null;
            double bestDist = Double.POSITIVE_INFINITY;
            for (Candidate c : candidates) {
                if (taken.contains(c)) {
                    continue;
                }
                HipTrack.Sample s = c.hips.last();
                double dt = t - s.timeS();
                double gate = s.radiusPx() * (0.5 + 3.0 * dt);
                double dist = d.hipCentre().distanceTo(new ImagePoint(s.xPx(), s.yPx()));
                if (dist <= gate && dist < bestDist) {
                    best = c;
                    bestDist = dist;
                }
            }
            if (best == null) {
                best = new Candidate(nextCandidateId++);
                candidates.add(best);
            }
            taken.add(best);
            best.lastDetection = d;
            best.hips.add(t, d.hipCentre(), d.bodyRadiusPx());
        }
    }
}
