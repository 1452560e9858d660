package dev.paygate.gateway.runtime;

import java.nio.file.Path;

/** Another gateway runs on this data directory; starting a second one would break the first. */
public final class DataDirectoryLockedException extends RuntimeException {

    private final Path dataDirectory;
    private final String holderPid;

    DataDirectoryLockedException(Path dataDirectory, String holderPid) {
        super("The data directory " + dataDirectory + " is in use by another Paygate gateway (PID " + holderPid + ")");
        this.dataDirectory = dataDirectory;
        this.holderPid = holderPid;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    String holderPid() {
        return holderPid;
    }
}
