package dev.paygate.routes.network;

import dev.paygate.routes.retry.BackOff;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.jpos.core.ConfigurationException;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOChannel;
import org.jpos.iso.ISOMsg;
import org.jpos.q2.iso.ChannelAdaptor;
import org.jpos.space.SpaceUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jPOS's {@link ChannelAdaptor} for a card network link, with what an acquirer needs on top of it:
 * <ul>
 *   <li>reconnects with the gateway's {@link BackOff} (doubling, jittered, up to a ceiling), counted since the
 *       last successful sign-on, instead of jPOS's constant delay;</li>
 *   <li>a link state ({@link LinkState}): a new connection carries only 0800s until the back unit's sign-on is
 *       accepted ({@link #signedOn}); the MUX's {@code <ready>} key, {@code <name>.signed-on}, exists only then;</li>
 *   <li>every link event (up, down with its {@link LinkLoss}, failed attempt, unreadable frame) logged with the
 *       network's name and told to the {@link LinkListener}s, which fail the requests in flight at once and count
 *       the events;</li>
 *   <li>messages queued for a connection that died are dropped when the next one comes up, so nothing queued
 *       before a reconnect goes out ahead of the sign-on.</li>
 * </ul>
 * Descriptor properties: {@code network} (its name in {@code paygate.card.networks}), {@code reconnect-delay-ms}
 * (first pause) and {@code reconnect-delay-max-ms} (ceiling).
 */
public class CardLinkAdaptor extends ChannelAdaptor {

    private static final Logger log = LoggerFactory.getLogger(CardLinkAdaptor.class);

    private final Object lock = new Object();
    private final Object pause = new Object();
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();

    private String network;
    private BackOff backOff;
    private WatchedChannel channel;
    private String readyKey;
    private String signedOnKey;

    // Guarded by lock.
    private LinkState state = LinkState.DOWN;
    private Instant stateSince = clock.instant();
    private Instant signedOnAt;
    private long connection;
    private int failuresSinceSignOn;
    private Instant nextAttemptAt;
    private LinkLoss pendingLoss;
    private String pendingLossDetail;

    @Override
    public void initService() throws ConfigurationException {
        super.initService();
        network = cfg.get("network", null);
        if (network == null || network.isBlank()) {
            throw new ConfigurationException(getName() + ": property 'network' (the network's name) is missing");
        }
        try {
            backOff = new BackOff(cfg.getLong("reconnect-delay-ms", 1_000), cfg.getLong("reconnect-delay-max-ms", 60_000));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(getName() + ": " + e.getMessage());
        }
        readyKey = getName() + ".ready";
        signedOnKey = getName() + ".signed-on";
    }

    @Override
    protected ISOChannel initChannel() throws ConfigurationException {
        channel = new WatchedChannel(super.initChannel(), this::failed);
        return channel;
    }

    public String network() {
        return network;
    }

    public void addLinkListener(LinkListener listener) {
        listeners.add(listener);
    }

    public void removeLinkListener(LinkListener listener) {
        listeners.remove(listener);
    }

    /** The link as it stands now. */
    public LinkStatus status() {
        synchronized (lock) {
            return new LinkStatus(state, stateSince, signedOnAt, connection, failuresSinceSignOn, nextAttemptAt);
        }
    }

    /** The connection the next 0800 goes out on; {@link #signedOn} takes it back to prove it is still that one. */
    public long connection() {
        synchronized (lock) {
            return connection;
        }
    }

    /**
     * The network accepted our sign-on on {@code connectionSignedOn}: payments may go, and the back-off starts
     * again from its first pause. Refused when that connection is gone meanwhile.
     */
    public boolean signedOn(long connectionSignedOn) {
        synchronized (lock) {
            if (state == LinkState.DOWN || connection != connectionSignedOn) {
                return false;
            }
            if (state == LinkState.CONNECTED) {
                state = LinkState.SIGNED_ON;
                stateSince = clock.instant();
            }
            signedOnAt = clock.instant();
            failuresSinceSignOn = 0;
            if (sp.rdp(signedOnKey) == null) {
                sp.out(signedOnKey, Date.from(signedOnAt));
            }
        }
        log.info("Card network {}: signed on (connection {}); payments may go", network, connectionSignedOn);
        listeners.forEach(listener -> listener.signedOn(network, connectionSignedOn));
        return true;
    }

    /** Payments stop; the connection stays for 0800s (an operator's sign-off). */
    public void signedOff() {
        synchronized (lock) {
            SpaceUtil.wipe(sp, signedOnKey);
            if (state == LinkState.SIGNED_ON) {
                state = LinkState.CONNECTED;
                stateSince = clock.instant();
            }
        }
        log.info("Card network {}: signed off; no payment goes until the next sign-on", network);
    }

    /**
     * Drops connection {@code connectionToDrop} for a reason found above the channel (a failed sign-on or echo);
     * the link comes back by itself after the back-off. A connection that is already gone is left alone, so a
     * late verdict never cuts the connection that replaced it.
     */
    public void dropLink(long connectionToDrop, LinkLoss loss, String detail) {
        synchronized (lock) {
            if (state == LinkState.DOWN || connection != connectionToDrop) {
                return;
            }
        }
        failed(loss, detail);
        disconnect();
    }

    @Override
    protected void checkConnection() {
        while (running() && !channel.isConnected()) {
            SpaceUtil.wipe(sp, readyKey);
            if (!waitForNextAttempt()) {
                return;
            }
            String failure = "not connected";
            try {
                channel.connect();
            } catch (IOException e) {
                failure = WatchedChannel.describe(e);
            }
            if (channel.isConnected()) {
                connected();
            } else if (running()) {
                connectFailed(failure);
            }
        }
    }

    @Override
    protected void disconnect() {
        LinkStatus was;
        LinkLoss loss;
        String detail;
        Duration retryIn;
        synchronized (lock) {
            SpaceUtil.wipe(sp, signedOnKey);
            was = status();
            loss = running() ? (pendingLoss == null ? LinkLoss.IO_ERROR : pendingLoss) : LinkLoss.STOPPED;
            detail = pendingLossDetail == null ? "connection closed" : pendingLossDetail;
            pendingLoss = null;
            pendingLossDetail = null;
            if (state == LinkState.DOWN) {
                retryIn = null;
            } else {
                state = LinkState.DOWN;
                stateSince = clock.instant();
                retryIn = scheduleNextAttempt();
            }
        }
        super.disconnect();
        if (retryIn == null) {
            return;
        }
        if (loss == LinkLoss.STOPPED) {
            log.info("Card network {}: link closed (the back unit is stopping)", network);
        } else {
            log.warn("Card network {}: link down ({}: {}) after {} on connection {}; next attempt in {} ms",
                    network, loss.tag(), detail, was.state(), was.connection(), retryIn.toMillis());
        }
        listeners.forEach(listener -> listener.linkDown(network, loss, detail, retryIn));
    }

    @Override
    public void stopService() {
        super.stopService();
        synchronized (pause) {
            pause.notifyAll();
        }
    }

    /**
     * Every unreadable frame is logged and counted. The first failure explains the loss of the link; what follows
     * from it (the other thread's read failing on the closed socket) does not.
     */
    private void failed(LinkLoss loss, String detail) {
        if (loss == LinkLoss.UNREADABLE_FRAME) {
            log.warn("Card network {}: a frame could not be read ({})", network, detail);
            listeners.forEach(listener -> listener.frameUnreadable(network, detail));
        }
        synchronized (lock) {
            if (state != LinkState.DOWN && pendingLoss == null) {
                pendingLoss = loss;
                pendingLossDetail = detail;
            }
        }
    }

    private void connected() {
        int droppedMessages = dropMessagesQueuedBeforeNow();
        long connected;
        int failures;
        synchronized (lock) {
            connection++;
            connected = connection;
            failures = failuresSinceSignOn;
            state = LinkState.CONNECTED;
            stateSince = clock.instant();
            nextAttemptAt = null;
            pendingLoss = null;
            pendingLossDetail = null;
            SpaceUtil.wipe(sp, signedOnKey);
            sp.out(readyKey, new Date());
        }
        log.info("Card network {}: link up (connection {} to {}, {} failure(s) since the last sign-on{}); no payment until signed on",
                network, connected, endpoint(), failures,
                droppedMessages == 0 ? "" : ", " + droppedMessages + " message(s) queued before it dropped");
        listeners.forEach(listener -> listener.linkUp(network, connected));
    }

    private void connectFailed(String failure) {
        int failures;
        Duration retryIn;
        synchronized (lock) {
            retryIn = scheduleNextAttempt();
            failures = failuresSinceSignOn;
        }
        log.warn("Card network {}: cannot connect to {} ({}); {} failure(s) since the last sign-on, next attempt in {} ms",
                network, endpoint(), failure, failures, retryIn.toMillis());
        listeners.forEach(listener -> listener.connectFailed(network, failures, failure, retryIn));
    }

    /** Counts one more failure and sets when the next attempt may go. Holds {@code lock}. */
    private Duration scheduleNextAttempt() {
        failuresSinceSignOn++;
        Duration retryIn = backOff.jitteredDelayAfter(failuresSinceSignOn, ThreadLocalRandom.current());
        nextAttemptAt = clock.instant().plus(retryIn);
        return retryIn;
    }

    /** @return false when the adaptor stopped while waiting */
    private boolean waitForNextAttempt() {
        while (running()) {
            Instant due;
            synchronized (lock) {
                due = nextAttemptAt;
            }
            long waitMs = due == null ? 0 : Duration.between(clock.instant(), due).toMillis();
            if (waitMs <= 0) {
                return true;
            }
            synchronized (pause) {
                try {
                    pause.wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Whatever waits in the send queue was meant for a connection that is gone; its requests have already failed
     * as link losses. jPOS's own wake-up and stop markers stay.
     */
    private int dropMessagesQueuedBeforeNow() {
        String queue = getInQueue();
        List<Object> markers = new ArrayList<>();
        int dropped = 0;
        for (Object queued = sp.inp(queue); queued != null; queued = sp.inp(queue)) {
            if (queued instanceof ISOMsg) {
                dropped++;
            } else {
                markers.add(queued);
            }
        }
        markers.forEach(marker -> sp.out(queue, marker));
        return dropped;
    }

    private String endpoint() {
        return channel.watched() instanceof BaseChannel base ? base.getHost() + ":" + base.getPort() : getName();
    }
}
