package org.baiti.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;

/** {@code --version}: Baiti's version as the build wrote it ({@code META-INF/build-info.properties}). */
class CliVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"baiti " + version()};
    }

    /** The build's version, "unknown" when the classes were not built by Maven. */
    static String version() {
        try (InputStream in = CliVersion.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("build.version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
