package dev.paygate.routes.network;

import dev.paygate.iso8583.message.MaskedMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOResponseListener;
import org.jpos.iso.MUX;
import org.jpos.q2.iso.QMUX;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One card network's link as the back unit uses it: the network's jPOS MUX, with two things added. A request on
 * a link that is not signed on is not sent at all (0800s need a connection only), and a request in flight when
 * the link goes down ends then, not at the end of its timeout: jPOS's synchronous {@code QMUX.request} would wait
 * out the whole timeout, so requests go through QMUX's asynchronous form and the link's
 * {@link LinkListener#linkDown} ends every one still waiting. Callers that want only the MUX contract get it
 * ({@link #request(ISOMsg, long)}: the answer, or null); {@link #exchange} says which way a request ended.
 */
public class CardLink implements MUX, LinkListener {

    private static final Logger log = LoggerFactory.getLogger(CardLink.class);
    /** QMUX's own expiry ends an unanswered request; this only bounds the wait should that ever not happen. */
    private static final long EXPIRY_GRACE_MS = 1_000;
    /** As long as QMUX keeps an answer nobody waits for in its unhandled queue. */
    private static final long UNHANDLED_KEPT_MS = 120_000;

    private final String network;
    private final QMUX mux;
    private final CardLinkAdaptor adaptor;
    private final Set<CompletableFuture<LinkAnswer>> inFlight = ConcurrentHashMap.newKeySet();

    public CardLink(String network, QMUX mux, CardLinkAdaptor adaptor) {
        this.network = network;
        this.mux = mux;
        this.adaptor = adaptor;
        adaptor.addLinkListener(this);
    }

    public String network() {
        return network;
    }

    public LinkStatus status() {
        return adaptor.status();
    }

    public CardLinkAdaptor adaptor() {
        return adaptor;
    }

    /** The jPOS MUX underneath, whose unhandled queue holds the answers no request waits for any more. */
    public QMUX qmux() {
        return mux;
    }

    /** Requests sent and not yet ended (answered, expired or lost). */
    public int inFlight() {
        return inFlight.size();
    }

    /** Signed on: payments may go. */
    @Override
    public boolean isConnected() {
        return adaptor.status().state() == LinkState.SIGNED_ON;
    }

    /** Sends {@code request} and waits for the way it ends. */
    public LinkAnswer exchange(ISOMsg request, long timeoutMs) throws ISOException {
        CompletableFuture<LinkAnswer> answer = send(request, timeoutMs);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LinkAnswer.UNANSWERED;
        } catch (ExecutionException e) {
            throw new IllegalStateException("request on " + network + " failed", e.getCause());
        }
    }

    /**
     * Sends {@code request} unless the link is not ready for it; the future ends with the answer, at the timeout,
     * or when the link goes down, whichever comes first.
     */
    public CompletableFuture<LinkAnswer> send(ISOMsg request, long timeoutMs) throws ISOException {
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("a card network request needs a positive timeout, not " + timeoutMs);
        }
        CompletableFuture<LinkAnswer> answer = new CompletableFuture<>();
        // In the set before the state is read: a link that drops from now on ends this request too.
        inFlight.add(answer);
        answer.whenComplete((ended, fault) -> inFlight.remove(answer));
        LinkState needed = isNetworkManagement(request) ? LinkState.CONNECTED : LinkState.SIGNED_ON;
        if (adaptor.status().state().compareTo(needed) < 0) {
            answer.complete(LinkAnswer.NOT_SENT);
            return answer;
        }
        try {
            mux.request(request, timeoutMs, new ISOResponseListener() {
                @Override
                public void responseReceived(ISOMsg response, Object handBack) {
                    if (!answer.complete(new LinkAnswer.Answered(response))) {
                        lateAnswer(response);
                    }
                }

                @Override
                public void expired(Object handBack) {
                    answer.complete(LinkAnswer.UNANSWERED);
                }
            }, null);
        } catch (ISOException | RuntimeException e) {
            answer.cancel(false);
            throw e;
        }
        return answer.completeOnTimeout(LinkAnswer.UNANSWERED, timeoutMs + EXPIRY_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    /** The MUX contract: the answer, or null when none came (timeout, link lost, or not sent). */
    @Override
    public ISOMsg request(ISOMsg request, long timeoutMs) throws ISOException {
        return exchange(request, timeoutMs) instanceof LinkAnswer.Answered answered ? answered.message() : null;
    }

    @Override
    public void request(ISOMsg request, long timeoutMs, ISOResponseListener listener, Object handBack)
            throws ISOException {
        send(request, timeoutMs).thenAccept(ended -> {
            if (ended instanceof LinkAnswer.Answered answered) {
                listener.responseReceived(answered.message(), handBack);
            } else {
                listener.expired(handBack);
            }
        });
    }

    /** One-way messages (advices nobody answers) go only on a signed-on link. */
    @Override
    public void send(ISOMsg message) throws IOException, ISOException {
        if (!isConnected()) {
            throw new ISOException("card network " + network + " is not signed on; nothing sent");
        }
        mux.send(message);
    }

    @Override
    public void linkDown(String linkNetwork, LinkLoss loss, String detail, Duration retryIn) {
        int lost = 0;
        for (CompletableFuture<LinkAnswer> waiting : inFlight) {
            if (waiting.complete(LinkAnswer.LINK_LOST)) {
                lost++;
            }
        }
        if (lost > 0) {
            log.warn("Card network {}: {} request(s) in flight ended by the link loss", network, lost);
        }
    }

    /**
     * An answer to a request that already ended as a link loss: nobody waits for it here, so it goes where QMUX
     * puts every answer nobody waits for.
     */
    private void lateAnswer(ISOMsg response) {
        String unhandled = mux.getUnhandledQueue();
        log.warn("Card network {}: answer after its request had ended, handed to {}: {}", network, unhandled,
                MaskedMessage.describe(response));
        if (unhandled != null) {
            mux.getSpace().out(unhandled, response, UNHANDLED_KEPT_MS);
        }
    }

    private static boolean isNetworkManagement(ISOMsg request) throws ISOException {
        String mti = request.getMTI();
        return mti != null && mti.length() == 4 && mti.charAt(1) == '8';
    }
}
