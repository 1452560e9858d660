package dev.paygate.gateway.runtime;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused second start into Spring Boot's plain "APPLICATION FAILED TO START" report, without a stack trace. */
class DataDirectoryLockedFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryLockedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryLockedException cause) {
        return new FailureAnalysis(cause.getMessage() + "; this second start was refused and the running one is untouched.",
                "Use the running gateway, stop it first (kill " + cause.holderPid() + "), or give this one its own "
                        + "--paygate.data-directory.",
                cause);
    }
}
