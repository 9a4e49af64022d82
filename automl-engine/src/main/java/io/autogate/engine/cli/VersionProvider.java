package io.autogate.engine.cli;

import io.autogate.engine.train.BuildInfo;
import picocli.CommandLine;

/** Prints Autogate's version with the libraries and JVM it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"autogate " + BuildInfo.autogateVersion(), "libraries " + BuildInfo.libraries(),
            "jvm " + BuildInfo.jvm()};
    }
}
