package dev.paygate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {

    private static final AuthenticationProperties.Argon2 SMALL = new AuthenticationProperties.Argon2(1024, 2, 1);

    /** Made by the reference implementation: {@code echo -n "correct horse battery staple" | argon2 somesaltsomesalt -id -t 2 -m 10 -p 1 -l 32 -e}. */
    private static final String REFERENCE_HASH =
            "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jl9aMRiFdmA52uqiivDqYVot6fVz3erNUlWPoxyg46A";

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(SMALL);

    @Test
    void verifiesAHashMadeByTheReferenceImplementation() {
        assertThat(hasher.verify("correct horse battery staple".toCharArray(), REFERENCE_HASH)).isTrue();
        assertThat(hasher.verify("correct horse battery stapl".toCharArray(), REFERENCE_HASH)).isFalse();
    }

    @Test
    void writesPhcStringsWithItsParametersAndAFreshSalt() {
        String first = hasher.hash("s3cret-passw0rd".toCharArray());
        String second = hasher.hash("s3cret-passw0rd".toCharArray());

        assertThat(first).startsWith("$argon2id$v=19$m=1024,t=2,p=1$").doesNotContain("s3cret");
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("s3cret-passw0rd".toCharArray(), first)).isTrue();
        assertThat(hasher.verify("s3cret-passw0rd".toCharArray(), second)).isTrue();
    }

    @Test
    void verifiesWithTheStoredParametersAfterTheDefaultsChange() {
        String madeWithOldDefaults = hasher.hash("s3cret-passw0rd".toCharArray());
        Argon2idPasswordHasher stronger = new Argon2idPasswordHasher(new AuthenticationProperties.Argon2(4096, 3, 1));

        assertThat(stronger.verify("s3cret-passw0rd".toCharArray(), madeWithOldDefaults)).isTrue();
    }

    @Test
    void theBlocksADerivationThreadKeepsNeverChangeAnAnswer() {
        Argon2idPasswordHasher larger = new Argon2idPasswordHasher(new AuthenticationProperties.Argon2(4096, 2, 1));
        String largerHash = larger.hash("s3cret-passw0rd".toCharArray());

        for (int round = 0; round < 4; round++) {
            assertThat(hasher.verify("correct horse battery staple".toCharArray(), REFERENCE_HASH)).isTrue();
            assertThat(larger.verify("s3cret-passw0rd".toCharArray(), largerHash)).isTrue();
            assertThat(hasher.verify("correct horse battery stapl".toCharArray(), REFERENCE_HASH)).isFalse();
        }
    }

    @Test
    void aBurstOfVerificationsQueuesForAsManyDerivationThreadsAsCores() throws Exception {
        String stored = hasher.hash("s3cret-passw0rd".toCharArray());
        List<Future<Boolean>> verdicts = new ArrayList<>();
        try (ExecutorService browsers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int login = 0; login < 32; login++) {
                String password = login % 2 == 0 ? "s3cret-passw0rd" : "wrong-passw0rd";
                verdicts.add(browsers.submit(() -> hasher.verify(password.toCharArray(), stored)));
            }
            for (int login = 0; login < verdicts.size(); login++) {
                assertThat(verdicts.get(login).get(60, TimeUnit.SECONDS)).isEqualTo(login % 2 == 0);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(thread -> thread.getName().startsWith("argon2id-"))
                .hasSizeBetween(1, Runtime.getRuntime().availableProcessors());
    }

    @Test
    void rejectsAStoredHashThatIsNotArgon2id() {
        assertThatThrownBy(() -> hasher.verify("x".toCharArray(), "$argon2i$v=19$m=1024,t=2,p=1$c29tZXNhbHQ$abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
