package dev.paygate.gateway.merchantdashboard;

import java.io.Serializable;
import java.security.Principal;

/**
 * Who is signed in to the merchant dashboard, kept in the HTTP session: the merchant, and the API key it signed in
 * with, so that revoking that key ends the session.
 */
record SignedInMerchant(String merchantId, String apiKeyId) implements Principal, Serializable {

    @Override
    public String getName() {
        return merchantId;
    }
}
