package dev.paygate.merchant.jose;

import static dev.paygate.merchant.Fixtures.NEXT_SERVER_KEY;
import static dev.paygate.merchant.Fixtures.NOW;
import static dev.paygate.merchant.Fixtures.SERVER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import dev.paygate.merchant.Fixtures.MutableClock;

class JwksKeyResolverTest {

    private static final Duration REFETCH_INTERVAL_MIN = Duration.ofSeconds(30);
    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(NOW);

    /** Serves the queued answers in order, repeating the last, and counts fetches. */
    private static final class ScriptedSource implements JwksSource {
        private final Deque<Object> answers = new ArrayDeque<>();
        private Object last;
        int fetches;

        ScriptedSource then(Object answer) {
            answers.add(answer);
            return this;
        }

        @Override
        public JWKSet fetch() throws IOException {
            fetches++;
            Object answer = answers.isEmpty() ? last : answers.poll();
            last = answer;
            if (answer instanceof IOException failure) {
                throw failure;
            }
            return (JWKSet) answer;
        }
    }

    private static JWKSet jwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet();
    }

    private JwksKeyResolver resolver(JwksSource source) {
        return new JwksKeyResolver(source, clock, REFETCH_INTERVAL_MIN, TIME_TO_LIVE);
    }

    @Test
    void knownKeysAreServedFromTheCache() throws Exception {
        ScriptedSource source = new ScriptedSource().then(jwks(SERVER_KEY));
        JwksKeyResolver resolver = resolver(source);

        assertThat(resolver.find("server-2026-11")).contains(SERVER_KEY.toPublicJWK());
        assertThat(resolver.find("server-2026-11")).contains(SERVER_KEY.toPublicJWK());
        assertThat(source.fetches).isEqualTo(1);
    }

    @Test
    void anUnknownKidTriggersOneRefetchThatPicksUpARotatedKey() throws Exception {
        ScriptedSource source = new ScriptedSource().then(jwks(SERVER_KEY)).then(jwks(SERVER_KEY, NEXT_SERVER_KEY));
        JwksKeyResolver resolver = resolver(source);
        resolver.find("server-2026-11");
        clock.advance(REFETCH_INTERVAL_MIN);

        assertThat(resolver.find("server-2027-01")).contains(NEXT_SERVER_KEY.toPublicJWK());
        assertThat(source.fetches).isEqualTo(2);
    }

    @Test
    void unknownKidsRefetchAtMostOncePerInterval() throws Exception {
        ScriptedSource source = new ScriptedSource().then(jwks(SERVER_KEY));
        JwksKeyResolver resolver = resolver(source);
        resolver.find("server-2026-11");
        clock.advance(REFETCH_INTERVAL_MIN);

        assertThat(resolver.find("forged-1")).isEmpty();
        assertThat(resolver.find("forged-2")).isEmpty();
        clock.advance(REFETCH_INTERVAL_MIN.minusSeconds(1));
        assertThat(resolver.find("forged-3")).isEmpty();
        assertThat(source.fetches).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(resolver.find("forged-4")).isEmpty();
        assertThat(source.fetches).isEqualTo(3);
    }

    @Test
    void aRetiredKeyStopsVerifyingOnceTheCacheExpires() throws Exception {
        ScriptedSource source = new ScriptedSource().then(jwks(SERVER_KEY, NEXT_SERVER_KEY)).then(jwks(NEXT_SERVER_KEY));
        JwksKeyResolver resolver = resolver(source);
        assertThat(resolver.find("server-2026-11")).isPresent();

        clock.advance(TIME_TO_LIVE);

        assertThat(resolver.find("server-2026-11")).isEmpty();
        assertThat(resolver.find("server-2027-01")).isPresent();
    }

    @Test
    void heldKeysKeepVerifyingWhileTheJwksEndpointIsDown() throws Exception {
        ScriptedSource source = new ScriptedSource().then(jwks(SERVER_KEY)).then(new IOException("connection refused"));
        JwksKeyResolver resolver = resolver(source);
        resolver.find("server-2026-11");

        clock.advance(TIME_TO_LIVE);

        assertThat(resolver.find("server-2026-11")).contains(SERVER_KEY.toPublicJWK());
        assertThatThrownBy(() -> resolver.find("server-2027-01"))
                .isInstanceOf(IOException.class).hasMessageContaining("connection refused");
    }

    @Test
    void aFailedFirstFetchIsReportedAndNotRetriedWithinTheInterval() {
        ScriptedSource source = new ScriptedSource().then(new IOException("timeout"));
        JwksKeyResolver resolver = resolver(source);

        assertThatThrownBy(() -> resolver.find("server-2026-11")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> resolver.find("server-2026-11")).isInstanceOf(IOException.class);
        assertThat(source.fetches).isEqualTo(1);
    }

    @Test
    void keysOtherThanEd25519SigningKeysAreIgnored() throws Exception {
        JWK ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        JwksKeyResolver resolver = resolver(JwksSource.fixed(jwks(ecKey, SERVER_KEY)));

        assertThat(resolver.find("ec-1")).isEmpty();
        assertThat(resolver.find("server-2026-11")).isPresent();
    }

    @Test
    void onlyThePublicHalfIsKeptEvenIfTheSourceLeaksAPrivateKey() throws Exception {
        JwksKeyResolver resolver = resolver(JwksSource.fixed(new JWKSet(SERVER_KEY)));

        assertThat(resolver.find("server-2026-11")).hasValueSatisfying(key -> assertThat(key.isPrivate()).isFalse());
    }
}
