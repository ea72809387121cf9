package org.gaitlens.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.gaitlens.core.Json;

/**
 * A healthy reference that gaitlens ships as a resource: sagittal bands, key values, walking speeds and healthy
 * deviation scores per speed class and age group, with the citation and licence of the data it was built from.
 * Built by code from the raw dataset ({@code org.gaitlens.reference.build.Fukuchi2018Builder} in the tests; how
 * to run it: {@code docs/reference.md}); a test rebuilds it and compares it with the shipped file.
 *
 * @param schema       resource format version ({@value #SCHEMA})
 * @param dataset      short name for reports, e.g. "Fukuchi et al. 2018"
 * @param citation     the paper to cite
 * @param dataCitation the data set to cite (DOI)
 * @param licence      the data's licence
 * @param builtBy      the code that built the resource
 * @param conventions  angle conventions and how the statistics were formed, in words
 * @param toeOffPct    the cycle percent at which key values "at toe off" and the swing phase are read from the
 *                     laboratory curves (the dataset has no event times)
 * @param gps2dChange  the GPS-2D change between sessions that exceeds healthy walkers' own walk-to-walk change
 * @param groups       one entry per speed class and age group
 */
public record NormativeReference(int schema, String dataset, String citation, String dataCitation, String licence,
        String builtBy, String conventions, double toeOffPct, ChangeThreshold gps2dChange, List<ReferenceGroup> groups) {

    /** Current resource format version. */
    public static final int SCHEMA = 1;
    /** Class-path location of the shipped Fukuchi et al. 2018 reference. */
    public static final String FUKUCHI_2018_RESOURCE = "/org/gaitlens/reference/fukuchi2018-sagittal.json";

    public NormativeReference {
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("unsupported reference schema " + schema + ", this gaitlens reads "
                    + SCHEMA);
        }
        groups = List.copyOf(groups);
    }

    /** The group of a speed class and age group. @throws IllegalArgumentException if the resource lacks it */
    public ReferenceGroup group(SpeedClass speed, AgeGroup age) {
        return groups.stream().filter(g -> g.speedClass() == speed && g.ageGroup() == age).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(dataset + " has no group " + speed.key() + "/"
                        + age.key()));
    }

    /** The shipped Fukuchi et al. 2018 reference (read once). */
    public static NormativeReference fukuchi2018() {
        return Shipped.FUKUCHI_2018;
    }

    /** Reads a reference from JSON. @throws UncheckedIOException if it cannot be read */
    public static NormativeReference read(InputStream in) {
        try {
            return Json.mapper().readValue(in, NormativeReference.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read normative reference", e);
        }
    }

    /**
     * The resource text: indented JSON with each array on one line (101-point curves stay readable and diffable),
     * ending with a newline.
     */
    public String toJson() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        try {
            return Json.mapper().writer(printer).writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write normative reference", e);
        }
    }

    /** Lazy holder: the resource is parsed on first use. */
    private static final class Shipped {
        static final NormativeReference FUKUCHI_2018 = load(FUKUCHI_2018_RESOURCE);

        private static NormativeReference load(String resource) {
            try (InputStream in = NormativeReference.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + resource + " missing from the class path");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
