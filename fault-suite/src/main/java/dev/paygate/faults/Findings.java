package dev.paygate.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the run found, each finding once per kind and subject whichever check found it first, with the
 * faults injected by kind and the failures that are not about money (a probe, a replay answered wrongly).
 * Thread-safe: browsers record from many threads.
 */
final class Findings {

    private final Map<String, Checker.Finding> findings = new LinkedHashMap<>();
    private final Map<String, Integer> injected = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    synchronized void add(String kind, String subject, String detail) {
        if (findings.putIfAbsent(kind + ":" + subject, new Checker.Finding(kind, subject, detail)) == null) {
            System.out.println("faults: FINDING " + kind + ": " + detail);
        }
    }

    synchronized void addAll(Collection<Checker.Finding> found) {
        found.forEach(finding -> add(finding.kind(), finding.subject(), finding.detail()));
    }

    synchronized void failure(String what) {
        failures.add(what);
        System.out.println("faults: FAILED " + what);
    }

    /** Counts one injected fault of this kind (a kill, a fault card, a replay, ...). */
    synchronized void injected(String kind) {
        injected.merge(kind, 1, Integer::sum);
    }

    synchronized Map<String, Integer> injectedByKind() {
        return Map.copyOf(injected);
    }

    synchronized int injectedCount(String kind) {
        return injected.getOrDefault(kind, 0);
    }

    synchronized Checker.Result result() {
        return Checker.Result.of(List.copyOf(findings.values()));
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }
}
