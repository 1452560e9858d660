package dev.paygate.benchmarks.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of the gateway during one full-flow run (started and stopped with jcmd, so the gateway runs
 * unchanged), summarised as the share of Java CPU samples per stage of a payment. Each sample counts for the
 * stage of the innermost frame that belongs to one (a JDK HashMap called from Thymeleaf counts for templates).
 * Samples of the gateway's Argon2id threads are left out: their CPU is read exactly from the kernel. Counted in
 * samples it came out at twice its cost, since a hashing thread is always in Java and sampled, while one waiting
 * on a socket or a lock spends its CPU in the kernel, where JFR does not sample (async-profiler showed it).
 */
public final class CpuProfile {

    /** The name of the gateway's Argon2id derivation threads ({@code argon2id-1}, ...). */
    public static final String DERIVATION_THREAD_PREFIX = "argon2id-";

    private static final String RECORDING = "paygate-bench";
    private static final long JCMD_TIMEOUT_SECONDS = 60;

    /** Stage, then the class-name prefixes whose frames belong to it; the first stage that matches wins. */
    private static final Map<String, List<String>> STAGES = stages();

    private final long pid;
    private final Path file;

    public CpuProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    private static Map<String, List<String>> stages() {
        Map<String, List<String>> stages = new LinkedHashMap<>();
        stages.put("kdf", List.of("org.bouncycastle.crypto.generators.Argon2", "org.bouncycastle.crypto.digests.Blake2b",
                "dev.paygate.gateway.auth.Argon2id"));
        stages.put("jws", List.of("com.nimbusds.", "sun.security.ec.", "sun.security.util.math.", "dev.paygate.merchant.jose.",
                "org.bouncycastle.math.ec.rfc8032"));
        stages.put("templates", List.of("org.thymeleaf.", "org.attoparser.", "org.unbescape."));
        stages.put("logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging."));
        stages.put("jdbc", List.of("org.postgresql.", "com.zaxxer.hikari.", "org.springframework.jdbc.",
                "org.springframework.transaction."));
        stages.put("jms", List.of("org.apache.activemq.", "org.springframework.jms.", "io.netty."));
        stages.put("camel", List.of("org.apache.camel."));
        stages.put("jpos", List.of("org.jpos.", "dev.paygate.iso8583."));
        stages.put("http", List.of("org.apache.tomcat.", "org.apache.catalina.", "org.apache.coyote.",
                "org.springframework.web.", "jakarta.servlet."));
        stages.put("json", List.of("com.fasterxml.jackson."));
        stages.put("paygate", List.of("dev.paygate."));
        stages.put("spring", List.of("org.springframework."));
        return stages;
    }

    public void start() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=" + RECORDING, "settings=profile");
    }

    /** Stops the recording and counts its samples per stage; {@code other} is what no stage claims. */
    public Map<String, Long> stopAndCount() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=" + RECORDING, "filename=" + file.toAbsolutePath());
        Map<String, Long> counts = new LinkedHashMap<>();
        STAGES.keySet().forEach(stage -> counts.put(stage, 0L));
        counts.put("other", 0L);
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null
                    && !isDerivationThread(event.getThread("sampledThread"))) {
                counts.merge(stageOf(event.getStackTrace().getFrames()), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static boolean isDerivationThread(RecordedThread thread) {
        return thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith(DERIVATION_THREAD_PREFIX);
    }

    private static String stageOf(List<RecordedFrame> framesInnermostFirst) {
        for (RecordedFrame frame : framesInnermostFirst) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            String className = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> stage : STAGES.entrySet()) {
                for (String prefix : stage.getValue()) {
                    if (className.startsWith(prefix)) {
                        return stage.getKey();
                    }
                }
            }
        }
        return "other";
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String[] line = new String[command.length + 2];
        line[0] = jcmd.toString();
        line[1] = Long.toString(pid);
        System.arraycopy(command, 0, line, 2, command.length);
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed for pid " + pid);
        }
    }
}
