package dev.paygate.benchmarks.raw;

import dev.paygate.benchmarks.load.ClosedLoop;
import dev.paygate.benchmarks.load.Measurement;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id verifications per second with BouncyCastle (what the gateway's hasher runs), at the parameters the
 * bench gives the gateway, on as many threads as the machine has cores: the ceiling of password checks. Each
 * worker keeps its blocks between derivations, as the gateway's derivation threads do.
 */
public final class KdfLimit {

    /** The gateway's defaults (paygate.front.auth.argon2.*), passed to the gateway explicitly by the bench. */
    public static final int MEMORY_KIB = 19_456;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final ThreadLocal<Argon2BytesGenerator.BlockPool> WORKER_BLOCKS = ThreadLocal.withInitial(
            () -> new Argon2BytesGenerator.FixedBlockPool(Argon2BytesGenerator.getBlockCount(MEMORY_KIB, PARALLELISM)));

    private final ClosedLoop loop;

    public KdfLimit(ClosedLoop loop) {
        this.loop = loop;
    }

    public Measurement verifies(int threads) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        char[] password = "a password of ordinary length".toCharArray();
        return loop.run(threads, (worker, sequence) -> derive(password, salt));
    }

    /** A password hash in the PHC form the gateway stores ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}). */
    public static String phcHash(char[] password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + base64.encodeToString(salt) + "$" + base64.encodeToString(derive(password, salt));
    }

    private static byte[] derive(char[] password, byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(MEMORY_KIB)
                .withIterations(ITERATIONS)
                .withParallelism(PARALLELISM)
                .withSalt(salt)
                .withBlockPool(WORKER_BLOCKS.get())
                .build());
        byte[] hash = new byte[HASH_BYTES];
        generator.generateBytes(password, hash);
        return hash;
    }
}
