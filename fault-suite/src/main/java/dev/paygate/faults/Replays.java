package dev.paygate.faults;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same operation twice with one idempotency key: once with the same body (it must answer the first
 * operation and do nothing more), once with another body (a clear error, not a second operation). For merchant
 * refunds over the API and for customers' wallet top-ups from the account page.
 */
final class Replays {

    static final String TOP_UP_REPLAY = "top-up replayed with one key";
    static final String REFUND_REPLAY = "refund replayed with one key";
    /** What the account page says when a form's key comes back with another amount. */
    private static final String TOP_UP_CONFLICT_TEXT = "This form was already used for a top-up of another amount";

    private final Path pages;
    private final Findings findings;

    Replays(Path pages, Findings findings) {
        this.pages = pages;
        this.findings = findings;
    }

    /**
     * A refund repeated with its idempotency key answers the first refund; the key with another amount is a clear
     * 409 {@code idempotency_conflict}, not a second refund.
     */
    void refundTwiceWithOneKey(Merchant merchant, ClientView paid) throws Exception {
        String key = "refund-" + paid.ticketId();
        JsonHttp.Answer first = merchant.api().post("/api/v1/merchants/me/refunds", refundJson(paid, 1, key));
        JsonHttp.Answer again = merchant.api().post("/api/v1/merchants/me/refunds", refundJson(paid, 1, key));
        JsonHttp.Answer otherBody = merchant.api().post("/api/v1/merchants/me/refunds", refundJson(paid, 2, key));
        findings.injected(REFUND_REPLAY);
        Object firstId = first.body().get("refundId");
        if (first.status() != 201 || again.status() != 200 || firstId == null || !firstId.equals(again.body().get("refundId"))) {
            findings.add("duplicated", "refund:" + key, "refund replayed with its key answered " + first.status() + "/"
                    + again.status() + " " + again.reason() + " instead of 201 then 200 with the same refund");
        }
        if (otherBody.status() != 409 || !"idempotency_conflict".equals(otherBody.reason())) {
            findings.add("duplicated", "refund:" + key, "refund key reused with another amount answered "
                    + otherBody.status() + " " + otherBody.reason() + " instead of 409 idempotency_conflict");
        }
    }

    /**
     * As a customer with an approving card: the account page's top-up form sent twice with one amount (a double
     * click) tops up once; the same form sent again with another amount is refused with a clear message and
     * charges nothing. The database must hold one top-up of the first amount under the form's key.
     */
    void topUpTwiceWithOneKey(URI entry, Database database, String customerId, String password, long amountMinor)
            throws Exception {
        Browser browser = new Browser(pages);
        if (!browser.signIn(entry, customerId, password)) {
            findings.failure("top-up replay: " + customerId + " could not sign in");
            return;
        }
        Map<String, String> form = new LinkedHashMap<>(browser.get(entry.resolve("/account")).hiddenFields());
        String formKey = form.get("topUpKey");
        if (formKey == null) {
            findings.failure("top-up replay: the account page of " + customerId + " has no top-up form");
            return;
        }
        findings.injected(TOP_UP_REPLAY);
        form.put("amount", decimal(amountMinor));
        topUp(browser, entry, form);
        topUp(browser, entry, form);
        form.put("amount", decimal(amountMinor + 1));
        Browser.Page after = topUp(browser, entry, form);

        String key = "top-up:customer:" + customerId + ":" + formKey;
        List<Long> credited = database.creditedTopUps().stream()
                .filter(topUp -> topUp.idempotencyKey().equals(key)).map(Database.CreditedTopUp::amountMinor).toList();
        if (credited.isEmpty()) {
            findings.failure("top-up replay: the first top-up of " + customerId + " was not credited; see the pages");
        } else if (!credited.equals(List.of(amountMinor))) {
            findings.add("duplicated", key, "one top-up form sent twice with " + amountMinor + " and once with "
                    + (amountMinor + 1) + " minor units credited " + credited + " instead of one top-up of " + amountMinor);
        }
        if (!after.body().contains(TOP_UP_CONFLICT_TEXT)) {
            findings.failure("top-up form sent again with another amount: the account page did not say so clearly");
        }
    }

    /** Posts the form and, as a browser does, follows the redirect to the account page, which says what happened. */
    private static Browser.Page topUp(Browser browser, URI entry, Map<String, String> form) throws Exception {
        Browser.Page answer = browser.postForm(entry.resolve("/account/top-up"), form, Map.of());
        return answer.location().isPresent() ? browser.get(entry.resolve(answer.location().get())) : answer;
    }

    private static String refundJson(ClientView paid, long amountMinor, String key) {
        return "{\"ticketId\":" + JsonHttp.quoted(paid.ticketId()) + ",\"amountMinor\":" + amountMinor
                + ",\"idempotencyKey\":" + JsonHttp.quoted(key) + "}";
    }

    private static String decimal(long amountMinor) {
        return amountMinor / 100 + "." + "%02d".formatted(amountMinor % 100);
    }
}
