package dev.paygate.benchmarks.flow;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.merchant.jose.Ed25519Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;

/**
 * The gateway's configuration directory for a full-flow run: a copy of the repository's {@code config/} whose
 * seed is the bench's merchant (its key generated for this run) and one customer per concurrent browser, each
 * with a wallet that lasts the run and the simulator's always-approve card. The password is random per run and
 * leaves this JVM only in the seed file, which is emptied once the gateway has seeded it.
 */
public final class BenchConfig {

    public static final int CUSTOMERS = 32;
    private static final long OPENING_BALANCE_MINOR = 100_000_000;
    private static final long WALLET_CAP_MINOR = 1_000_000_000;

    private final Path directory;
    private final OctetKeyPair merchantKey = Ed25519Keys.generate("bench-shop-key");
    private final String password;

    private BenchConfig(Path directory) {
        this.directory = directory;
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static BenchConfig write(Path repositoryConfig, Path directory) throws IOException {
        BenchConfig config = new BenchConfig(directory);
        copyTree(repositoryConfig, directory);
        Files.writeString(directory.resolve("seed").resolve("bench-shop.public.jwk.json"),
                Ed25519Keys.publicJwkJson(config.merchantKey));
        Files.writeString(config.seedFile(), config.seedYaml());
        return config;
    }

    public static String customerId(int worker) {
        return "bench-c" + worker;
    }

    public Path directory() {
        return directory;
    }

    public OctetKeyPair merchantKey() {
        return merchantKey;
    }

    public String password() {
        return password;
    }

    /** After the first start: the customers exist, their password need not stay on disk. */
    public void emptySeedFile() throws IOException {
        Files.writeString(seedFile(), "seed:\n  merchants: []\n  customers: []\n");
    }

    private Path seedFile() {
        return directory.resolve("seed").resolve("demo.yml");
    }

    private String seedYaml() {
        StringBuilder yaml = new StringBuilder("""
                seed:
                  merchants:
                    - id: %s
                      name: Bench Shop
                      mcc: "5999"
                      iban: DE89370400440532013000
                      bic: COBADEFFXXX
                      terminal-id: BENCH001
                      acceptor-id: BENCHSHOP000001
                      acceptor-name-location: "Bench Shop               Berlin       DE"
                      currency: EUR
                      public-key-file: seed/bench-shop.public.jwk.json
                  customers:
                """.formatted(FullFlow.MERCHANT_ID));
        for (int worker = 0; worker < CUSTOMERS; worker++) {
            yaml.append("""
                        - id: %s
                          name: Bench customer %d
                          password: %s
                          currency: EUR
                          wallet-cap-minor: %d
                          opening-balance-minor: %d
                          card-pan: "4000000000000002"
                          card-expiry: 2049-12
                    """.formatted(customerId(worker), worker, password, WALLET_CAP_MINOR, OPENING_BALANCE_MINOR));
        }
        return yaml.toString();
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException failure) {
            throw failure.getCause();
        }
    }
}
