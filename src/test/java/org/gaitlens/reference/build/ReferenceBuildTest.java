package org.gaitlens.reference.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.reference.AgeGroup;
import org.gaitlens.reference.GaitVariable;
import org.gaitlens.reference.NormativeReference;
import org.gaitlens.reference.Quantiles;
import org.gaitlens.reference.SpeedClass;
import org.gaitlens.validation.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds the shipped healthy reference from the shared dataset and compares it with the resource, and validates
 * the healthy distribution on the dataset's own subjects (tabled in docs/reference.md).
 */
class ReferenceBuildTest {
    private static Fukuchi2018Builder.Build build;

    @BeforeAll
    static void rebuild() {
        build = Fukuchi2018Builder.build(SharedData.validationDir().resolve("normative").resolve("fukuchi2018"));
    }

    /**
     * The resource equals a fresh build character for character: the build is deterministic (fixed order, Java's
     * strict double arithmetic) and rounds before writing, so no tolerance is needed.
     */
    @Test
    void shippedResourceEqualsRebuild() throws IOException {
        String shipped;
        try (InputStream in = NormativeReference.class.getResourceAsStream(NormativeReference.FUKUCHI_2018_RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String rebuilt = build.reference().toJson();
        if (!shipped.equals(rebuilt)) {
            String[] a = shipped.split("\n");
            String[] b = rebuilt.split("\n");
            for (int i = 0; i < Math.min(a.length, b.length); i++) {
                assertEquals(a[i], b[i], "line " + (i + 1) + " of the shipped resource differs from a rebuild; run "
                        + "the reference build (docs/reference.md)");
            }
            assertEquals(a.length, b.length, "line count of the shipped resource and a rebuild");
        }
        assertEquals(NormativeReference.fukuchi2018(), NormativeReference.read(new java.io.ByteArrayInputStream(
                rebuilt.getBytes(StandardCharsets.UTF_8))), "the shipped resource reads back as the rebuild");
    }

    /** Subjects and sides as the README describes: 24 young, 18 older; three files without a right side. */
    @Test
    void subjectsAndSides() {
        for (SpeedClass c : SpeedClass.values()) {
            assertEquals(24, build.reference().group(c, AgeGroup.YOUNG).n(), c.key());
            assertEquals(18, build.reference().group(c, AgeGroup.OLDER).n(), c.key());
            assertEquals(42, build.reference().group(c, AgeGroup.ALL).n(), c.key());
        }
        List<String> leftOnly = new ArrayList<>();
        build.trials().forEach((c, list) -> list.stream().filter(t -> !t.sides().containsKey(Side.RIGHT))
                .forEach(t -> leftOnly.add(t.subject().id() + "" + c.fileCode())));
        assertEquals(List.of("42S", "15F", "37F"), leftOnly);
    }

    /**
     * Hand check against the dataset README: subject 01 comfortable, right thigh from vertical = RHipAngleZ -
     * RPelvisAngleZ = 36.2345 - 15.4791 = 20.755 deg at 0 % (README: +20.8) and -15.8 deg at 50 %.
     */
    @Test
    void thighFromVerticalOfSubject01() {
        Fukuchi2018Builder.SubjectTrial s01 = build.trials().get(SpeedClass.COMFORTABLE).get(0);
        assertEquals(1, s01.subject().id());
        double[] thigh = s01.sides().get(Side.RIGHT).get(GaitVariable.HIP);
        assertEquals(20.755, thigh[0], 0.001);
        assertEquals(-15.8, thigh[50], 0.05, "README value, one decimal");
    }

    /**
     * Out-of-sample calibration of the healthy 95th percentile: each subject's leave-one-subject-out GPS-2D against
     * the p95 of the other subjects' scores in the same group (so the subject never shapes its own threshold).
     * Expected about 95 %; with n = 42 the binomial SD is 3.4 points, so at least 85 % (three SDs) is asserted per
     * speed class, both age groups pooled, and at least 90 % over the 126 walks.
     */
    @Test
    void heldOutSubjectsUnderP95() {
        System.out.println("Held-out healthy subjects under the p95 of the others (GPS-2D, LOSO):");
        int under = 0;
        int total = 0;
        for (SpeedClass c : SpeedClass.values()) {
            for (AgeGroup a : AgeGroup.values()) {
                List<Fukuchi2018Builder.LosoScore> s = build.loso().get(c).get(a);
                int u = 0;
                for (int i = 0; i < s.size(); i++) {
                    final int held = i;
                    double[] others = java.util.stream.IntStream.range(0, s.size()).filter(k -> k != held)
                            .mapToDouble(k -> s.get(k).overall()).toArray();
                    if (s.get(i).overall() <= Quantiles.of(others, 0.95)) {
                        u++;
                    }
                }
                System.out.printf(Locale.ROOT, "  %-11s %-5s n %2d  under %2d  (%.1f %%)  p95 %.2f%n", c.key(), a.key(),
                        s.size(), u, 100.0 * u / s.size(), build.reference().group(c, a).healthy().gps2d().p95());
                if (a == AgeGroup.ALL) {
                    assertTrue(u >= 0.85 * s.size(), c.key() + ": " + u + " of " + s.size());
                    under += u;
                    total += s.size();
                }
            }
        }
        assertTrue(under >= 0.90 * total, under + " of " + total);
    }

    /**
     * Why speed matching matters: each subject's walk at one speed class scored (LOSO) against the band mean of
     * every class. The matched class gives the smallest mean GPS-2D for every speed class.
     */
    @Test
    void speedMatchedBandFitsBest() {
        System.out.println("Mean LOSO GPS-2D of subjects walking at <row> against the band of <column> (both ages):");
        for (SpeedClass walked : SpeedClass.values()) {
            Map<SpeedClass, Double> mean = new EnumMap<>(SpeedClass.class);
            for (SpeedClass band : SpeedClass.values()) {
                List<Fukuchi2018Builder.SubjectTrial> bandTrials = build.trials().get(band);
                double sum = 0;
                List<Fukuchi2018Builder.SubjectTrial> walks = build.trials().get(walked);
                for (Fukuchi2018Builder.SubjectTrial t : walks) {
                    int id = t.subject().id();
                    sum += Fukuchi2018Builder.score(t, Fukuchi2018Builder.bandMeans(bandTrials.stream()
                            .filter(o -> o.subject().id() != id).toList())).overall();
                }
                mean.put(band, sum / walks.size());
            }
            System.out.printf(Locale.ROOT, "  %-11s slow %.2f  comfortable %.2f  fast %.2f%n", walked.key(),
                    mean.get(SpeedClass.SLOW), mean.get(SpeedClass.COMFORTABLE), mean.get(SpeedClass.FAST));
            SpeedClass best = mean.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertEquals(walked, best, "band that fits " + walked.key() + " walks best");
        }
    }
}
