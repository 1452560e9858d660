package dev.paygate.benchmarks.raw;

import dev.paygate.benchmarks.load.ClosedLoop;
import dev.paygate.benchmarks.load.Measurement;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;

/**
 * Ed25519 signatures and verifications per second with the JDK provider merchant-kit signs with, over a
 * ticket-sized signing input, on as many threads as cores.
 */
public final class SignatureLimit {

    private static final byte[] TICKET_SIZED_INPUT = "x".repeat(700).getBytes(StandardCharsets.US_ASCII);

    private final ClosedLoop loop;
    private final KeyPair keys;
    private final byte[] signature;

    public SignatureLimit(ClosedLoop loop) throws Exception {
        this.loop = loop;
        this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        this.signature = sign();
    }

    public Measurement signs(int threads) {
        return loop.run(threads, (worker, sequence) -> sign());
    }

    public Measurement verifies(int threads) {
        return loop.run(threads, (worker, sequence) -> {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(keys.getPublic());
            verifier.update(TICKET_SIZED_INPUT);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("Ed25519 signature did not verify");
            }
        });
    }

    private byte[] sign() throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(TICKET_SIZED_INPUT);
        return signer.sign();
    }
}
