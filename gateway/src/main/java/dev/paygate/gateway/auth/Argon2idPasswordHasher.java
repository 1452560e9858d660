package dev.paygate.gateway.auth;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) password hashes in the PHC string form
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, so each stored hash carries the
 * parameters it was made with and a change of defaults never locks anyone out.
 *
 * <p>Every derivation in the JVM runs on one pool of as many threads as there are cores, callers waiting their
 * turn: a burst of logins then costs each one queueing instead of all of them sharing the cores at once (32
 * derivations in parallel on 2 cores each took 16 times as long, and held 32 times 19 MiB), and the request
 * threads (virtual ones among them) are not held on the CPU meanwhile. Each of those threads keeps the 1 KiB
 * blocks of its last derivation for the next one (BouncyCastle wipes them in between): allocating 19 MiB afresh
 * for every login cost a fifth of the derivation in object set-up, page faults and garbage collection.
 */
public final class Argon2idPasswordHasher {

    /** Derivations waiting for a thread at most; beyond that a caller derives on its own thread. */
    public static final int WAITING_DERIVATIONS_MAX = 1_024;
    /** Blocks a derivation thread keeps at most (64 MiB); a larger derivation allocates the rest each time. */
    private static final int KEPT_BLOCKS_MAX = 65_536;

    private static final ExecutorService DERIVATIONS = derivationPool();

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final AuthenticationProperties.Argon2 parameters;
    private final SecureRandom random = new SecureRandom();
    private final Timer hashTime;
    private final Timer verifyTime;

    /** Unmeasured: for tools and tests. */
    public Argon2idPasswordHasher(AuthenticationProperties.Argon2 parameters) {
        this(parameters, new SimpleMeterRegistry(), "tool");
    }

    /**
     * Every derivation timed in {@code paygate.argon2id} (Prometheus {@code paygate_argon2id_seconds}), by what it
     * was for: the cost of a login and a measure of how much of the machine passwords take.
     *
     * @param use {@code customer} or {@code operator}
     */
    public Argon2idPasswordHasher(AuthenticationProperties.Argon2 parameters, MeterRegistry registry, String use) {
        this.parameters = parameters;
        this.hashTime = timer(registry, use, "hash");
        this.verifyTime = timer(registry, use, "verify");
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = hashTime.record(() -> derive(password, salt, parameters.memoryKib(), parameters.iterations(),
                parameters.parallelism(), HASH_BYTES));
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations()
                + ",p=" + parameters.parallelism() + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
    }

    /**
     * Whether the password matches the stored hash. The comparison takes the same time wherever the first
     * differing byte is; the derivation costs what the stored parameters say, matched or not.
     */
    public boolean verify(char[] password, String storedHash) {
        Matcher phc = PHC.matcher(storedHash);
        if (!phc.matches()) {
            throw new IllegalArgumentException("not an Argon2id PHC string");
        }
        byte[] salt = BASE64_DECODER.decode(phc.group(4));
        byte[] expected = BASE64_DECODER.decode(phc.group(5));
        byte[] actual = verifyTime.record(() -> derive(password, salt, Integer.parseInt(phc.group(1)),
                Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)), expected.length));
        return MessageDigest.isEqual(expected, actual);
    }

    private static Timer timer(MeterRegistry registry, String use, String operation) {
        return Timer.builder("paygate.argon2id")
                .description("Argon2id password derivations: hashing a new password or verifying a login")
                .tag("use", use)
                .tag("operation", operation)
                .publishPercentileHistogram()
                .register(registry);
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                 int hashBytes) {
        Future<byte[]> derivation = DERIVATIONS.submit(
                () -> deriveHere(password, salt, memoryKib, iterations, parallelism, hashBytes));
        try {
            return derivation.get();
        } catch (InterruptedException interrupted) {
            derivation.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an Argon2id derivation", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("Argon2id derivation failed", failed.getCause());
        }
    }

    private static ExecutorService derivationPool() {
        int threads = Runtime.getRuntime().availableProcessors();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WAITING_DERIVATIONS_MAX),
                DerivationThread::new,
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static byte[] deriveHere(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                     int hashBytes) {
        Argon2Parameters.Builder argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
        if (Thread.currentThread() instanceof DerivationThread thread) {
            argon2.withBlockPool(thread.blocks);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon2.build());
        byte[] hash = new byte[hashBytes];
        generator.generateBytes(password, hash);
        return hash;
    }

    /** A thread of the derivation pool, with the blocks it keeps between derivations (callers' threads keep none). */
    private static final class DerivationThread extends Thread {

        private static final AtomicInteger NUMBER = new AtomicInteger();

        private final Argon2BytesGenerator.BlockPool blocks = new Argon2BytesGenerator.FixedBlockPool(KEPT_BLOCKS_MAX);

        DerivationThread(Runnable task) {
            super(task, "argon2id-" + NUMBER.incrementAndGet());
            setDaemon(true);
        }
    }
}
