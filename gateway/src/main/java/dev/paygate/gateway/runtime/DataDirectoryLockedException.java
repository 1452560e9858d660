package dev.paygate.gateway.runtime;

import java.nio.file.Path;

/** Another gateway runs on this data directory; starting a second one would break the first. */
public final class DataDirectoryLockedException extends RuntimeException {

    private final String holderPid;

    DataDirectoryLockedException(Path dataDirectory, String holderPid) {
        super("The data directory " + dataDirectory + " is in use by another Paygate gateway (PID " + holderPid + ")");
        this.holderPid = holderPid;
    }

    String holderPid() {
        return holderPid;
    }
}
