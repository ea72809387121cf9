package org.gaitlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.pipeline.InputKind;
import org.gaitlens.pose.PoseModel;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;

/** The analysis options shared by analyze, batch and serve: parsed once, the same everywhere. */
class AnalysisOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        AnalysisOptions options;
    }

    private static AnalysisOptions parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.options;
    }

    @Test
    void defaultsAreAnalyzesDefaults() {
        RunSettings s = parse().runSettings().resolvedFor(InputKind.VIDEO);
        RunSettings d = RunSettings.defaults().resolvedFor(InputKind.VIDEO);
        assertEquals(d.hash(), s.hash(), "no option given = the settings analyze and the web use by default");
        assertEquals(d.writeVideo(), s.writeVideo());
        assertEquals(d.blurFaces(), s.blurFaces());
    }

    @Test
    void everyOptionReachesBothSettings() {
        AnalysisOptions o = parse("--model", "heavy", "--height-cm", "180", "--event-method", "zeni-refined",
                "--treadmill", "--camera", "right-side", "--no-video", "--blur-faces");
        RunSettings r = o.runSettings();
        assertEquals(PoseModel.HEAVY, r.model());
        assertEquals(180, r.heightCm());
        assertEquals(EventMethod.ZENI_REFINED, r.eventMethod());
        assertTrue(r.treadmill());
        assertEquals(CameraView.RIGHT_SIDE, r.cameraView());
        assertFalse(r.writeVideo());
        assertTrue(r.blurFaces());
        Analysis.Settings a = o.analysisSettings(3, Path.of("models"));
        assertEquals(PoseModel.HEAVY, a.model());
        assertEquals(180, a.heightCm());
        assertEquals(3, a.threads());
        assertEquals(EventMethod.ZENI_REFINED, a.eventMethod());
        assertTrue(a.treadmill());
        assertEquals(CameraView.RIGHT_SIDE, a.cameraView());
        assertFalse(a.writeVideo());
        assertTrue(a.blurFaces());
    }

    @Test
    void autoEventMethodIsLeftToTheInputKind() {
        assertNull(parse("--event-method", "AUTO").runSettings().eventMethod());
    }

    @Test
    void badValuesAreUserErrorsNamingTheValue() {
        for (String[] args : List.of(new String[] {"--model", "huge"}, new String[] {"--event-method", "guess"},
                new String[] {"--camera", "above"}, new String[] {"--height-cm", "20"})) {
            InvalidInputException run = assertThrows(InvalidInputException.class, () -> parse(args).runSettings());
            assertTrue(run.getMessage().contains(args[1]), run.getMessage());
            assertThrows(InvalidInputException.class, () -> parse(args).analysisSettings(1, Path.of("models")));
        }
    }

    @Test
    void analyzeBatchAndServeOfferTheSameAnalysisOptions() {
        CommandLine root = new CommandLine(new GaitlensCommand());
        Set<String> expected = names(new CommandLine(new Probe()));
        for (String cmd : List.of("analyze", "batch", "serve")) {
            Set<String> offered = names(root.getSubcommands().get(cmd));
            assertTrue(offered.containsAll(expected), cmd + " lacks some of " + expected + ": " + offered);
        }
    }

    private static Set<String> names(CommandLine cl) {
        Set<String> out = new TreeSet<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                out.add(o.longestName());
            }
        }
        return out;
    }
}
