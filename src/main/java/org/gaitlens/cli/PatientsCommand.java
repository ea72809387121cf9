package org.gaitlens.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Side;
import org.gaitlens.store.Patient;
import org.gaitlens.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code gaitlens patients}: lists the patients of a study; {@code patients add} adds one. */
@Command(
        name = "patients",
        mixinStandardHelpOptions = true,
        description = "List the patients of a study (pseudonymous ids, never names).",
        subcommands = PatientsCommand.Add.class)
public final class PatientsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StudyStore s = StudyStore.open(store.config())) {
            List<Patient> patients = s.patients().list();
            if (patients.isEmpty()) {
                out.println("No patients in " + s.dataDir() + ". Add one with: gaitlens patients add ID --height-cm N");
                out.flush();
                return 0;
            }
            out.printf(Locale.ROOT, "%-16s %9s %-8s %8s  %s%n", "PATIENT", "HEIGHT_CM", "AFFECTED", "SESSIONS", "NOTES");
            for (Patient p : patients) {
                int sessions = s.sessions().listByPatient(p.id()).size();
                out.printf(Locale.ROOT, "%-16s %9s %-8s %8d  %s%n", p.pseudonym(), height(p.heightCm()),
                        side(p.affectedSide()), sessions, p.notes().replace('\n', ' '));
            }
            out.flush();
        }
        return 0;
    }

    static String height(OptionalDouble heightCm) {
        return heightCm.isPresent() ? String.format(Locale.ROOT, "%.1f", heightCm.getAsDouble()) : "-";
    }

    static String side(Optional<Side> side) {
        return side.map(x -> x.name().toLowerCase(Locale.ROOT)).orElse("-");
    }

    /** {@code gaitlens patients add ID}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a patient to the study.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        PatientsCommand parent;

        @Parameters(paramLabel = "ID", description = "Pseudonymous patient id: letters, digits, '.', '_', '-' (e.g. P017).")
        String pseudonym;

        @Option(names = "--height-cm", paramLabel = "N", description = "Body height in centimetres (gives videos their scale).")
        Double heightCm;

        @Option(names = "--affected-side", paramLabel = "SIDE", converter = SideConverter.class,
                description = "Painful or weak side, if known: left or right.")
        Side affectedSide;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Free text (no names or other identifying data).")
        String notes = "";

        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            StoreOptions options = store.orParent(spec, parent.store);
            OptionalDouble height = heightCm == null ? OptionalDouble.empty() : OptionalDouble.of(heightCm);
            try (StudyStore s = StudyStore.open(options.config())) {
                Patient p;
                try {
                    p = s.patients().create(pseudonym, height, Optional.ofNullable(affectedSide), notes);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(e.getMessage(), e);
                }
                out.printf(Locale.ROOT, "Added patient %s (height %s cm, affected side %s) to %s%n", p.pseudonym(),
                        height(p.heightCm()), side(p.affectedSide()), s.dataDir());
                out.flush();
            }
            return 0;
        }
    }

    /** Accepts {@code left}, {@code right}, {@code l}, {@code r} in any case. */
    static final class SideConverter implements ITypeConverter<Side> {
        @Override
        public Side convert(String value) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "left", "l":
                    return Side.LEFT;
                case "right", "r":
                    return Side.RIGHT;
                default:
                    throw new TypeConversionException("expected left or right, was '" + value + "'");
            }
        }
    }
}
