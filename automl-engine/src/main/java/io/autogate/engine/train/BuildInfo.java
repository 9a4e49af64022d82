package io.autogate.engine.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Versions recorded in every artifact's provenance: Autogate's own (from the build) and the
 * libraries that train and serve models, plus the JVM.
 */
public final class BuildInfo {
    private BuildInfo() {
    }

    /** Library name to version, read from {@code autogate-build.properties} written by the build. */
    public static Map<String, String> libraries() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/autogate-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    /** Autogate's version, or "dev" when run from unpackaged classes. */
    public static String autogateVersion() {
        String v = libraries().get("autogate.version");
        return v == null || v.startsWith("${") ? "dev" : v;
    }

    /** The JVM's vendor and version. */
    public static String jvm() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
    }

    /** The git commit Autogate was built from, when the launcher passed it ({@code -Dautogate.git.commit}). */
    public static String gitCommit() {
        String c = System.getProperty("autogate.git.commit");
        return c == null || c.isBlank() ? null : c;
    }
}
