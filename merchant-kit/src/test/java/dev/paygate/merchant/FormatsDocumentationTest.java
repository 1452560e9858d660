package dev.paygate.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.jose.JwksKeyResolver;
import dev.paygate.merchant.jose.JwksSource;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.refusal.RefusalVerifier;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketType;
import dev.paygate.merchant.ticket.TicketVerifier;
import dev.paygate.merchant.voucher.SettlementPath;
import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.merchant.voucher.VoucherVerifier;
import dev.paygate.merchant.webhook.WebhookVerifier;

/** Keeps docs/formats.md honest: every example token there verifies and decodes to its claims table. */
class FormatsDocumentationTest {

    private static final Path FORMATS = Path.of("..", "docs", "formats.md");
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example:(\\S+) -->\\s*```text\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Instant TICKET_ISSUED_AT = Instant.ofEpochSecond(1_795_514_400L);
    private static final Instant VOUCHER_ISSUED_AT = Instant.ofEpochSecond(1_795_514_495L);

    private static final Map<String, String> examples = new HashMap<>();
    private static final List<String> claimBlocks = new ArrayList<>();

    @BeforeAll
    static void readDocument() throws IOException {
        String document = Files.readString(FORMATS, StandardCharsets.UTF_8);
        Matcher example = EXAMPLE.matcher(document);
        while (example.find()) {
            examples.put(example.group(1), example.group(2).strip());
        }
        Matcher json = JSON_BLOCK.matcher(document);
        while (json.find()) {
            claimBlocks.add(json.group(1));
        }
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static Ticket exampleTicket() throws Exception {
        OctetKeyPair merchantKey = Ed25519Keys.parse(examples.get("merchant-public-jwk"));
        TicketVerifier verifier = new TicketVerifier(
                (merchantId, keyId) -> merchantId.equals("shop-42") && keyId.equals(merchantKey.getKeyID())
                        ? Optional.of(merchantKey) : Optional.empty(),
                clockAt(TICKET_ISSUED_AT.plusSeconds(60)), Duration.ofSeconds(30));
        return verifier.verify(examples.get("ticket"));
    }

    private static JwksKeyResolver exampleServerKeys() throws Exception {
        return new JwksKeyResolver(JwksSource.fixed(JWKSet.parse(examples.get("server-jwks"))));
    }

    @Test
    void exampleTicketVerifiesWithTheExampleMerchantKey() throws Exception {
        Ticket ticket = exampleTicket();

        assertThat(ticket.type()).isEqualTo(TicketType.BASKET);
        assertThat(ticket.amountMinor()).isEqualTo(3_300).isEqualTo(ticket.itemsTotalMinor());
        assertThat(ticket.ticketId()).isEqualTo("tkt-7f3a9c");
        assertThat(ticket.expiresAt()).isEqualTo(TICKET_ISSUED_AT.plus(Ticket.DEFAULT_VALIDITY));
    }

    @Test
    void exampleVoucherVerifiesAgainstTheExampleTicket() throws Exception {
        VoucherVerifier verifier = VoucherVerifier.builder(exampleServerKeys())
                .clock(clockAt(VOUCHER_ISSUED_AT.plusSeconds(3))).build();

        Voucher voucher = verifier.verify(examples.get("voucher"), exampleTicket());

        assertThat(voucher.path()).isEqualTo(SettlementPath.CARD);
        assertThat(voucher.authorizationCode()).isEqualTo("A1B2C3");
        assertThat(voucher.registerSerial()).isEqualTo(1_042);
        assertThat(voucher.expiresAt()).isEqualTo(VOUCHER_ISSUED_AT.plus(Voucher.DEFAULT_VALIDITY));
    }

    @Test
    void exampleRefusalVerifiesAgainstTheExampleTicket() throws Exception {
        RefusalVerifier verifier = new RefusalVerifier(exampleServerKeys(), clockAt(VOUCHER_ISSUED_AT), Duration.ofSeconds(30));

        Refusal refusal = verifier.verify(examples.get("refusal"), exampleTicket());

        assertThat(refusal.reason()).isEqualTo(RefusalReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void claimTablesShowExactlyTheClaimsInsideTheExampleTokens() throws Exception {
        assertThat(claimBlocks).hasSize(3);
        List<String> tokens = List.of(examples.get("ticket"), examples.get("voucher"), examples.get("refusal"));

        for (int index = 0; index < tokens.size(); index++) {
            JWTClaimsSet documented = JWTClaimsSet.parse(claimBlocks.get(index));
            JWTClaimsSet signed = SignedJWT.parse(tokens.get(index)).getJWTClaimsSet();
            assertThat(documented.getClaims()).isEqualTo(signed.getClaims());
        }
    }

    @Test
    void theReasonCodeTableListsExactlyTheCodesTheKitNames() throws Exception {
        String document = Files.readString(FORMATS, StandardCharsets.UTF_8);
        String fromTable = document.substring(document.indexOf("| code | when |"));
        String table = fromTable.substring(0, fromTable.indexOf("\n\n"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE).matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }
        Set<String> named = new TreeSet<>();
        for (Field field : RefusalReason.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == RefusalReason.class) {
                named.add(((RefusalReason) field.get(null)).code());
            }
        }

        assertThat(documented).isEqualTo(named);
    }

    @Test
    void exampleWebhookHeaderVerifiesWithTheExampleSecret() {
        WebhookVerifier verifier = new WebhookVerifier("whsec_example_do_not_use_1234".getBytes(StandardCharsets.UTF_8),
                clockAt(VOUCHER_ISSUED_AT.plusSeconds(2)), WebhookVerifier.DEFAULT_TOLERANCE);

        assertThatCode(() -> verifier.verify(examples.get("webhook-header"),
                examples.get("webhook-body").getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }
}
