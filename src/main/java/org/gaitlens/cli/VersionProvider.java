package org.gaitlens.cli;

import org.gaitlens.core.SoftwareVersion;
import picocli.CommandLine;

/** Supplies {@code --version} output. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"gaitlens " + SoftwareVersion.get()};
    }
}
