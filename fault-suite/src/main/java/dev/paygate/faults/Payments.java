package dev.paygate.faults;

import dev.paygate.merchant.jose.RejectionReason;
import dev.paygate.merchant.jose.TokenRejectedException;
import dev.paygate.merchant.ticket.PayLink;
import dev.paygate.merchant.ticket.Ticket;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The run's customers and what they were told: each scheduled payment is a ticket signed by the merchant, opened
 * and confirmed in a browser as a customer would, its answer recorded in a {@link ClientView}. Payments go to one
 * entry (the gateway, or the cluster's balancer); the views of every payment of the run are kept for the checker.
 */
final class Payments {

    static final int PARALLEL_CONFIRMS = 10;
    private static final Duration STATUS_LOOK_INTERVAL = Duration.ofSeconds(1);

    private final Map<String, ClientView> views = new ConcurrentHashMap<>();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Map<String, String> compactTickets = new ConcurrentHashMap<>();
    private final Path pages;
    private final ExecutorService browsers;
    private final Findings findings;

    Payments(Path pages, ExecutorService browsers, Findings findings) {
        this.pages = pages;
        this.browsers = browsers;
        this.findings = findings;
    }

    /** A new ticket of this merchant and its view, not yet paid. */
    ClientView newTicket(Merchant merchant, PaymentKind kind, long amountMinor) {
        Ticket ticket = merchant.ticket(amountMinor, Ticket.DEFAULT_VALIDITY);
        ClientView view = new ClientView(ticket.ticketId(), kind, amountMinor, merchant);
        views.put(ticket.ticketId(), view);
        tickets.put(ticket.ticketId(), ticket);
        compactTickets.put(ticket.ticketId(), merchant.sign(ticket));
        return view;
    }

    /** A payment some other client made (the local cluster's driver), with what that client was told. */
    void record(ClientView view) {
        views.put(view.ticketId(), view);
    }

    Future<?> payLater(URI entry, ClientView view) {
        return browsers.submit(() -> pay(entry, view));
    }

    /** As a customer: open the payment page, fill in who pays, Confirm (ten times at once for PARALLEL_CONFIRMS). */
    void pay(URI entry, ClientView view) {
        Browser browser = new Browser(pages);
        try {
            Browser.Page page = browser.get(payUrl(entry, view));
            if (page.status() != 200) {
                view.merchant().record(page, ticket(view), view);
                return;
            }
            Map<String, String> form = confirmForm(page, view);
            int posts = view.kind() == PaymentKind.PARALLEL_CONFIRMS ? PARALLEL_CONFIRMS : 1;
            List<Future<?>> confirms = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                confirms.add(browsers.submit(() -> {
                    confirm(browser, entry, form, view);
                    return null;
                }));
            }
            awaitConfirms(confirms, view);
        } catch (IOException gatewayKilled) {
            // The answer is lost with the gateway; settle() asks for it after the restart.
        } catch (TokenRejectedException unverifiable) {
            unverified(view, unverifiable);
        } catch (Exception e) {
            findings.failure("payment " + view.ticketId() + ": " + e);
        }
    }

    /**
     * The same ticket opened on each front directly (each with a session and form token of its own) and confirmed
     * on all of them at once: one payment, one outcome for both.
     */
    void payFromEach(List<URI> fronts, ClientView view) {
        try {
            // Every page first, then every confirm at once: a page opened after a confirm shows a used ticket.
            Map<URI, Browser> browserOf = new LinkedHashMap<>();
            Map<URI, Map<String, String>> formOf = new LinkedHashMap<>();
            for (URI front : fronts) {
                Browser browser = new Browser(pages);
                Browser.Page page = browser.get(payUrl(front, view));
                if (page.status() == 200) {
                    browserOf.put(front, browser);
                    formOf.put(front, confirmForm(page, view));
                }
            }
            List<Future<?>> confirms = new ArrayList<>();
            formOf.forEach((front, form) -> confirms.add(browsers.submit(() -> {
                confirm(browserOf.get(front), front, form, view);
                return null;
            })));
            awaitConfirms(confirms, view);
        } catch (IOException frontKilled) {
            // settle() asks for the answer through the balancer.
        } catch (Exception e) {
            findings.failure("payment " + view.ticketId() + " from two fronts: " + e);
        }
    }

    /** Waits for each confirm of one ticket; an answer that did not verify is money lost for the merchant. */
    private void awaitConfirms(List<Future<?>> confirms, ClientView view) throws InterruptedException {
        for (Future<?> confirm : confirms) {
            try {
                confirm.get();
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof TokenRejectedException unverifiable) {
                    unverified(view, unverifiable);
                } else {
                    findings.failure("confirm of " + view.ticketId() + ": " + failed.getCause());
                }
            }
        }
    }

    /**
     * An answer that did not verify is money lost for the merchant, unless only the gateway's keys could not be
     * fetched (it was killed just then): the answer stays open, and settle() asks for it again after the restart.
     */
    private void unverified(ClientView view, TokenRejectedException unverifiable) {
        if (!RejectionReason.KEYS_UNAVAILABLE.code().equals(unverifiable.code())) {
            findings.add("lost", view.ticketId(), "an answer did not verify (" + unverifiable.code() + "): " + view);
        }
    }

    /** The payment page's form with the customer's credentials filled in (hidden fields, CSRF token included). */
    static Map<String, String> confirmForm(Browser.Page page, ClientView view) {
        Map<String, String> form = new LinkedHashMap<>(page.hiddenFields());
        form.put("customerId", view.kind().customerId());
        form.put("password", view.kind().password());
        return form;
    }

    void confirm(Browser browser, URI entry, Map<String, String> form, ClientView view) throws Exception {
        try {
            view.merchant().record(browser.postForm(entry.resolve("/pay/confirm"), form, Map.of()), ticket(view), view);
        } catch (IOException gatewayKilled) {
            // Told nothing: settle() asks after the restart.
        }
    }

    /**
     * After a restart: asks for every ticket without a final answer, as the pending page does (with the ticket, so
     * any front answers), until all are final or the bound has passed. A ticket the gateway never saw (killed
     * before the page was served) is paid again from the start, as a customer would.
     */
    void settle(URI entry, Instant deadline) throws InterruptedException {
        Set<String> paidAgain = ConcurrentHashMap.newKeySet();
        while (true) {
            List<ClientView> open = views.values().stream()
                    .filter(view -> !view.isFinal() && view.merchant() != null).toList();
            for (ClientView view : open) {
                try {
                    Browser.Page page = new Browser(pages).get(entry.resolve("/pay/status/" + view.ticketId()
                            + "?ticket=" + URLEncoder.encode(compactTickets.get(view.ticketId()), StandardCharsets.UTF_8)));
                    if (page.status() == 404 && paidAgain.add(view.ticketId())) {
                        pay(entry, view);
                    } else {
                        view.merchant().record(page, ticket(view), view);
                    }
                } catch (TokenRejectedException unverifiable) {
                    unverified(view, unverifiable);
                } catch (IOException notAnsweringYet) {
                    // Asked again after the pause.
                }
            }
            if (open.isEmpty() || Instant.now().isAfter(deadline)) {
                return;
            }
            Thread.sleep(STATUS_LOOK_INTERVAL);
        }
    }

    Ticket ticket(ClientView view) {
        return tickets.get(view.ticketId());
    }

    String compactTicket(ClientView view) {
        return compactTickets.get(view.ticketId());
    }

    URI payUrl(URI entry, ClientView view) {
        return new PayLink(entry).payUrl(compactTicket(view));
    }

    Collection<ClientView> views() {
        return List.copyOf(views.values());
    }

    int count() {
        return views.size();
    }
}
