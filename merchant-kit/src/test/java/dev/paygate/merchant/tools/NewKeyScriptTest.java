package dev.paygate.merchant.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.OctetKeyPair;

import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import dev.paygate.merchant.ticket.TicketVerifier;

/** {@code bin/paygate-merchant new-key}: keys made without Java sign tickets the kit verifies. */
class NewKeyScriptTest {

    private static final Path SCRIPT = Path.of("..", "bin", "paygate-merchant").toAbsolutePath().normalize();

    @TempDir
    Path directory;

    @Test
    void makesAnEd25519KeyPairWhosePrivateHalfSignsWhatThePublicHalfVerifies() throws Exception {
        assertThat(run("new-key", directory.toString()).exitCode()).isZero();

        OctetKeyPair privateKey = Ed25519Keys.parse(Files.readString(directory.resolve("merchant-key.jwk.json")));
        OctetKeyPair publicKey = Ed25519Keys.parse(Files.readString(directory.resolve("merchant-key.public.jwk.json")));
        assertThat(privateKey.isPrivate()).isTrue();
        assertThat(publicKey.isPrivate()).isFalse();
        assertThat(publicKey.getKeyID()).isEqualTo(privateKey.getKeyID())
                .isEqualTo(publicKey.computeThumbprint().toString());
        assertThat(Files.getPosixFilePermissions(directory.resolve("merchant-key.jwk.json")))
                .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        Ticket ticket = Ticket.simple("shop-42", "order-1").amountMinor(1250).currency("EUR").serial("till-1")
                .returnUrl(URI.create("https://shop.example/return")).cancelUrl(URI.create("https://shop.example/cancel"))
                .build();
        String signed = new TicketSigner(privateKey).sign(ticket);
        Ticket verified = new TicketVerifier((merchantId, keyId) -> keyId.equals(publicKey.getKeyID())
                ? Optional.of(publicKey) : Optional.empty()).verify(signed);
        assertThat(verified).isEqualTo(ticket);
    }

    @Test
    void neverOverwritesAKeyThatExists() throws Exception {
        Path existing = directory.resolve("merchant-key.jwk.json");
        Files.writeString(existing, "a key in use");

        Result second = run("new-key", directory.toString());

        assertThat(second.exitCode()).isNotZero();
        assertThat(second.output()).contains("exists");
        assertThat(Files.readString(existing)).isEqualTo("a key in use");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... arguments) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) || Files.isExecutable(Path.of("/bin/openssl")),
                "bin/paygate-merchant needs openssl");
        String[] command = new String[arguments.length + 1];
        command[0] = SCRIPT.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
