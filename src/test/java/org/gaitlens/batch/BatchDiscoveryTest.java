package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.gaitlens.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder convention with inherited settings files, and manifests, with their problems reported, not fatal. */
class BatchDiscoveryTest {
    @TempDir
    Path dir;

    private Path touch(String rel) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1});
        return p;
    }

    @Test
    void folderConventionWithChildSettingsOverridingParents() throws Exception {
        touch("P01/2024-03-01_baseline/walk1.mp4");
        touch("P01/2024-03-01_baseline/notes.txt");
        touch("P01/2024-04-01/walk.MOV");
        touch("P02/2024-03-02_follow up/trial.c3d");
        Files.writeString(dir.resolve("gaitlens.properties"), "model=lite\nview=sagittal\n");
        Files.writeString(dir.resolve("P01/gaitlens.properties"), "height_cm=172\nmodel=heavy\n");
        Files.writeString(dir.resolve("P01/2024-04-01/gaitlens.properties"), "height_cm=173.5\n");
        BatchDiscovery.Result r = BatchDiscovery.discover(dir);
        assertEquals(List.of(), r.problems());
        assertEquals(3, r.items().size());
        BatchItem a = r.items().get(0);
        assertEquals("P01", a.patient());
        assertEquals(LocalDate.of(2024, 3, 1), a.sessionDate());
        assertEquals("baseline", a.label());
        assertEquals(OptionalDouble.of(172), a.heightCm());
        assertEquals("sagittal", a.view());
        assertEquals(Map.of("model", "heavy"), a.overrides(), "patient's model overrides the root's");
        BatchItem b = r.items().get(1);
        assertEquals(BatchDiscovery.DEFAULT_LABEL, b.label());
        assertEquals(OptionalDouble.of(173.5), b.heightCm(), "session's height overrides the patient's");
        BatchItem c = r.items().get(2);
        assertEquals("follow up", c.label());
        assertEquals(OptionalDouble.empty(), c.heightCm());
        assertEquals(Map.of("model", "lite"), c.overrides());
        assertEquals(org.gaitlens.pose.PoseModel.LITE, c.settings(RunSettings.defaults()).model());
    }

    @Test
    void misnamedFoldersAndBadSettingsAreReportedNotFatal() throws Exception {
        touch("P01/2024-03-01_baseline/ok.mp4");
        touch("P 02/2024-03-01/walk.mp4");           // space: not a pseudonym
        touch("P03/march/walk.mp4");                  // not a date
        touch("P04/2024-02-30_x/walk.mp4");           // no such day
        touch("P05/2024-03-01/walk.mp4");
        Files.writeString(dir.resolve("P05/gaitlens.properties"), "heigth_cm=170\n"); // typo: unknown key
        touch("P06/2024-03-01/walk.mp4");
        Files.writeString(dir.resolve("P06/2024-03-01/gaitlens.properties"), "height_cm=17\n"); // metres?
        touch("loose.mp4");
        Files.createDirectories(dir.resolve("docs")); // no recordings: not reported
        touch("docs/readme.txt");
        BatchDiscovery.Result r = BatchDiscovery.discover(dir);
        assertEquals(1, r.items().size());
        assertEquals("P01", r.items().get(0).patient());
        assertEquals(6, r.problems().size(), r.problems().toString());
        String all = r.problems().toString();
        assertTrue(all.contains("'P 02' is not a patient id"), all);
        assertTrue(all.contains("'march' is not YYYY-MM-DD"), all);
        assertTrue(all.contains("'2024-02-30_x'"), all);
        assertTrue(all.contains("unknown setting 'heigth_cm'"), all);
        assertTrue(all.contains("height_cm must be within 50-250 cm, was 17"), all);
        assertTrue(all.contains("loose.mp4"), all);
    }

    @Test
    void manifestWithQuotesRelativePathsAndBadRows() throws Exception {
        touch("videos/a.mp4");
        Path manifest = dir.resolve("list.csv");
        Files.writeString(manifest, "\uFEFFpatient,session_date,label,video,view,height_cm,model,colour\n"
                + "P01,2024-01-05,baseline,videos/a.mp4,side,180,,red\n"
                + "P01,2024-02-05,\"follow-up, 6 weeks\",/abs/b.mp4,frontal,,lite,\n"
                + "\n"
                + "P02,05/01/2024,baseline,c.mp4,,,,\n"
                + "P03,2024-01-05,baseline,d.mp4,diagonal,,,\n"
                + "P04,2024-01-05,baseline,e.mp4,,,\n");
        BatchDiscovery.Result r = BatchDiscovery.discover(manifest);
        assertEquals(2, r.items().size());
        BatchItem a = r.items().get(0);
        assertEquals(dir.resolve("videos/a.mp4"), a.video());
        assertEquals("sagittal", a.view());
        assertEquals(OptionalDouble.of(180), a.heightCm());
        BatchItem b = r.items().get(1);
        assertEquals("follow-up, 6 weeks", b.label());
        assertEquals(Path.of("/abs/b.mp4"), b.video());
        assertEquals("frontal", b.view());
        assertEquals(Map.of("model", "lite"), b.overrides());
        String all = r.problems().toString();
        assertEquals(4, r.problems().size(), all);
        assertTrue(all.contains("unknown column 'colour'"), all);
        assertTrue(all.contains("list.csv line 5, message=session_date '05/01/2024'"), all);
        assertTrue(all.contains("list.csv line 6, message=view must be sagittal"), all);
        assertTrue(all.contains("list.csv line 7, message=has 7 cells, the header 8"), all);
    }

    @Test
    void manifestWithoutRequiredColumnIsAnError() throws Exception {
        Path manifest = dir.resolve("m.csv");
        Files.writeString(manifest, "patient,video\nP01,a.mp4\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BatchDiscovery.discover(manifest));
        assertTrue(e.getMessage().contains("'session_date'"), e.getMessage());
    }

    @Test
    void manifestLineNumbersCountLineBreaksInsideQuotedFields() throws Exception {
        Path manifest = dir.resolve("q.csv");
        Files.writeString(manifest, "patient,session_date,label,video\r\n"
                + "P01,2024-01-05,\"two\r\nlines \"\"quoted\"\"\",a.mp4\r\n"
                + "P01,2024-13-05,baseline,b.mp4\r\n");
        BatchDiscovery.Result r = BatchDiscovery.discover(manifest);
        assertEquals(1, r.items().size());
        assertEquals("two\r\nlines \"quoted\"", r.items().get(0).label());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).where().equals("q.csv line 4"), r.problems().toString());
    }

    @Test
    void unclosedQuoteIsAnErrorSayingWhatToFix() throws Exception {
        Path manifest = dir.resolve("u.csv");
        Files.writeString(manifest, "patient,session_date,video\nP01,2024-01-05,\"a.mp4\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BatchDiscovery.discover(manifest));
        assertTrue(e.getMessage().contains("u.csv: not a valid CSV file"), e.getMessage());
        assertTrue(e.getMessage().contains("closed with a double quote"), e.getMessage());
    }
}
