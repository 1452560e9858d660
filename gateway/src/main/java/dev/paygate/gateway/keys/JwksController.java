package dev.paygate.gateway.keys;

import dev.paygate.gateway.api.PublicApi;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paygate.merchant.jose.Ed25519Keys;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the server's public keys so merchants verify vouchers and refusals with any JOSE library. */
@PublicApi
@RestController
@Tag(name = "Server keys")
public class JwksController {

    /** Short enough that a merchant sees a new key soon; merchants should refetch on an unknown kid anyway. */
    private static final Duration CACHE_MAX_AGE = Duration.ofMinutes(5);

    private final ServerKeyRing keyRing;
    private final Clock clock;

    public JwksController(ServerKeyRing keyRing, Clock clock) {
        this.keyRing = keyRing;
        this.clock = clock;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(CACHE_MAX_AGE).cachePublic())
                .body(Ed25519Keys.publicJwksJson(keyRing.published(clock.instant())));
    }
}
