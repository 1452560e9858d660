package dev.paygate.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jose.jwk.OctetKeyPair;

import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketRejectedException;
import dev.paygate.merchant.ticket.TicketVerifier;

/** Verifies tickets as the gateway does, with the public key registered for merchant demo-shop. */
public final class DemoMerchantKey {

    public static final String MERCHANT_ID = "demo-shop";

    private DemoMerchantKey() {
    }

    public static OctetKeyPair registeredPublicKey() {
        try {
            return Ed25519Keys.parse(Files.readString(Path.of(ShopWebTest.DEMO_PUBLIC_KEY_FILE)));
        } catch (IOException | ParseException unreadable) {
            throw new IllegalStateException("cannot read " + ShopWebTest.DEMO_PUBLIC_KEY_FILE, unreadable);
        }
    }

    /** The ticket, verified with the registered public key; fails the test if it does not verify. */
    public static Ticket verifiedTicket(String compactTicket) {
        OctetKeyPair registered = registeredPublicKey();
        TicketVerifier gatewaySide = new TicketVerifier((merchantId, keyId) ->
                MERCHANT_ID.equals(merchantId) && registered.getKeyID().equals(keyId)
                        ? Optional.of(registered) : Optional.empty());
        try {
            return gatewaySide.verify(compactTicket);
        } catch (TicketRejectedException rejected) {
            throw new AssertionError("the shop's ticket does not verify: " + rejected.getMessage(), rejected);
        }
    }

    /** The compact ticket at the end of a {@code <gateway>/pay/<ticket>} URL. */
    public static String ticketOfPayUrl(String payUrl) {
        int marker = payUrl.lastIndexOf("/pay/");
        if (marker < 0) {
            throw new AssertionError("not a pay URL: " + payUrl);
        }
        return payUrl.substring(marker + "/pay/".length());
    }
}
