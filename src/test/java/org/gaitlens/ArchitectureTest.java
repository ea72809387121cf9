package org.gaitlens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of docs/architecture.md: each package of the main code imports only the packages its row
 * there allows, so data flows one way (video -> pose -> motion -> gait -> assess -> reporting -> report) and
 * store, batch, web and cli stay around the pipeline. A new package must get a row here and in the document.
 */
class ArchitectureTest {
    private static final String ROOT = "org.gaitlens";
    private static final Set<String> BELOW_PIPELINE = Set.of("core", "metric", "reference", "video", "pose", "overlay",
            "motion", "motion.mocap", "motion.mocap.c3d", "gait", "gait.io", "assess", "assess.indicator", "report",
            "reporting");
    /** Package (relative to org.gaitlens) to the project packages it may import besides itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("metric", Set.of("core")),
            Map.entry("reference", Set.of("core")),
            Map.entry("video", Set.of("core")),
            Map.entry("pose", Set.of("core", "video")),
            Map.entry("overlay", Set.of("core", "pose")),
            Map.entry("motion", Set.of("core", "pose")),
            Map.entry("motion.mocap", Set.of("core", "motion", "motion.mocap.c3d")),
            Map.entry("motion.mocap.c3d", Set.of("core")),
            Map.entry("gait", Set.of("core", "metric", "motion")),
            Map.entry("gait.io", Set.of("core", "metric", "motion", "gait")),
            Map.entry("assess", Set.of("core", "metric")),
            Map.entry("assess.indicator", Set.of("core", "metric", "assess")),
            Map.entry("report", Set.of("core", "metric")),
            Map.entry("reporting", Set.of("core", "metric", "reference", "motion", "gait", "assess", "report")),
            Map.entry("pipeline", BELOW_PIPELINE),
            Map.entry("store", Set.of("core", "metric")),
            Map.entry("batch", union(BELOW_PIPELINE, "pipeline", "store")),
            Map.entry("validate", union(BELOW_PIPELINE, "pipeline")),
            Map.entry("bench", union(BELOW_PIPELINE, "pipeline", "store", "batch")),
            Map.entry("web", union(BELOW_PIPELINE, "pipeline", "store", "batch")),
            Map.entry("cli", union(BELOW_PIPELINE, "pipeline", "store", "batch", "validate", "bench", "web")));

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageHasARow() {
        Set<String> packages = classes.stream().map(ArchitectureTest::relativePackage)
                .filter(p -> !p.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(packages);
        missing.removeAll(ALLOWED.keySet());
        assertTrue(missing.isEmpty(), "packages without a row in ArchitectureTest and docs/architecture.md: " + missing);
        assertTrue(packages.size() > 15, "the main classes were found: " + packages);
    }

    @Test
    void importsFollowTheArrows() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass c : classes) {
            String from = relativePackage(c);
            Set<String> allowed = ALLOWED.getOrDefault(from, Set.of());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (!target.getPackageName().startsWith(ROOT)) {
                    continue;
                }
                String to = relativePackage(target);
                if (!to.equals(from) && !allowed.contains(to)) {
                    violations.add(from + " -> " + to + ": " + c.getSimpleName() + " uses " + target.getSimpleName());
                }
            }
        }
        assertEquals(List.of(), List.copyOf(violations), "imports against docs/architecture.md");
    }

    private static String relativePackage(JavaClass c) {
        String p = c.getPackageName();
        return p.equals(ROOT) ? "" : p.substring(ROOT.length() + 1);
    }

    private static Set<String> union(Set<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
    }
}
