package dev.paygate.routes.network;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.ledger.sequence.DatabaseStanSequence;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.network.ManagementResult.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jpos.iso.ISOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The 0800 exchanges of every card network link: a sign-on (DE 70 = 001) as soon as a connection is up and before
 * any payment, echo tests (301) while it is signed on, and sign-on, sign-off (002) and echo on an operator's
 * demand. A sign-on or echo that is refused or unanswered drops the connection: the link reconnects after its
 * back-off and signs on again. An operator's sign-off holds until an operator signs on again, across reconnects
 * (in this back unit's memory: a restart signs on).
 */
@Component
@BackUnit
public class NetworkManagement implements LinkListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NetworkManagement.class);

    private final CardNetworks networks;
    private final DatabaseStanSequence stans;
    private final Clock clock;
    private final Map<String, Managed> managed = new ConcurrentHashMap<>();
    /** Sign-ons started by a link event: the event comes on a jPOS thread that must not wait for the answer. */
    private final ExecutorService signOns = Executors.newVirtualThreadPerTaskExecutor();

    public NetworkManagement(CardNetworks networks, DatabaseStanSequence stans, Clock clock) {
        this.networks = networks;
        this.stans = stans;
        this.clock = clock;
        for (String network : networks.names()) {
            managed.put(network, new Managed());
            CardLink link = networks.link(network);
            link.adaptor().addLinkListener(this);
            // A link that came up before this bean existed has had no sign-on yet.
            if (link.status().state() == LinkState.CONNECTED) {
                linkUp(network, link.status().connection());
            }
        }
    }

    @Override
    public void linkUp(String network, long connection) {
        if (managed(network).signedOffByOperator) {
            log.info("Card network {}: link up, staying signed off as an operator asked", network);
            return;
        }
        try {
            signOns.execute(() -> signOn(network));
        } catch (RejectedExecutionException stopping) {
            log.info("Card network {}: link up while the back unit stops; no sign-on", network);
        }
    }

    /** Signs on the current connection; the link is dropped (and retried later) unless the network accepts. */
    public ManagementResult signOn(String network) {
        CardLink link = networks.link(network);
        long connection = link.adaptor().connection();
        ManagementResult result = exchange(network, NetworkManagementCode.SIGN_ON);
        switch (result.outcome()) {
            case APPROVED -> {
                if (!link.adaptor().signedOn(connection)) {
                    log.info("Card network {}: sign-on answered on connection {}, which is gone", network, connection);
                }
            }
            case REFUSED, NO_ANSWER -> link.adaptor().dropLink(connection, LinkLoss.SIGN_ON_FAILED, result.describe());
            case LINK_DOWN -> log.info("Card network {}: not connected, sign-on waits for the link", network);
        }
        return result;
    }

    /** An echo test on a connected link; a refused or unanswered one drops the connection. */
    public ManagementResult echo(String network) {
        CardLink link = networks.link(network);
        long connection = link.adaptor().connection();
        ManagementResult result = exchange(network, NetworkManagementCode.ECHO);
        managed(network).lastEcho = result;
        if (result.outcome() == Outcome.REFUSED || result.outcome() == Outcome.NO_ANSWER) {
            link.adaptor().dropLink(connection, LinkLoss.ECHO_FAILED, result.describe());
        }
        return result;
    }

    /** The periodic echo of a signed-on link; a link that is not signed on has its sign-on under way. */
    public void keepAlive(String network) {
        if (networks.isConnected(network)) {
            echo(network);
        }
    }

    /** An operator's sign-on: it also lifts an earlier operator's sign-off. */
    public ManagementResult signOnAsOperator(String network, String operator) {
        managed(network).signedOffByOperator = false;
        ManagementResult result = signOn(network);
        return recordOperatorAction(network, operator, result);
    }

    /**
     * An operator's sign-off: payments stop on this link at once, whatever the network answers, and the link
     * stays signed off across reconnects until an operator signs on.
     */
    public ManagementResult signOffAsOperator(String network, String operator) {
        managed(network).signedOffByOperator = true;
        CardLink link = networks.link(network);
        link.adaptor().signedOff();
        return recordOperatorAction(network, operator, exchange(network, NetworkManagementCode.SIGN_OFF));
    }

    public ManagementResult echoAsOperator(String network, String operator) {
        return recordOperatorAction(network, operator, echo(network));
    }

    /** What this back unit knows of one network's link. */
    public LinkView view(String network) {
        CardLink link = networks.link(network);
        Managed state = managed(network);
        return new LinkView(network, link.status(), link.inFlight(), state.lastEcho, state.signedOffByOperator,
                state.lastOperatorAction);
    }

    @Override
    public void close() {
        networks.names().forEach(network -> networks.link(network).adaptor().removeLinkListener(this));
        signOns.shutdownNow();
    }

    private ManagementResult exchange(String network, NetworkManagementCode code) {
        CardLink link = networks.link(network);
        long timeoutMs = networks.settings(network).timeoutMs();
        Instant now = clock.instant();
        Stan stan = Stan.of(stans.next(network, LocalDate.ofInstant(now, ZoneOffset.UTC)));
        try {
            LinkAnswer answer = link.exchange(new NetworkManagementRequest(code, stan, now).toIsoMsg(), timeoutMs);
            ManagementResult result = switch (answer) {
                case LinkAnswer.Answered answered -> answered(code, answered);
                case LinkAnswer.Unanswered unanswered -> new ManagementResult(code, Outcome.NO_ANSWER, null, clock.instant());
                case LinkAnswer.LinkLost lost -> new ManagementResult(code, Outcome.NO_ANSWER, null, clock.instant());
                case LinkAnswer.NotSent notSent -> new ManagementResult(code, Outcome.LINK_DOWN, null, clock.instant());
            };
            if (!result.approved() && result.outcome() != Outcome.LINK_DOWN) {
                log.warn("Card network {}: {} (STAN {}, waited up to {} ms)", network, result.describe(), stan.digits(), timeoutMs);
            }
            return result;
        } catch (ISOException | RuntimeException e) {
            log.warn("Card network {}: {} could not be sent: {}", network, code, e.getMessage());
            return new ManagementResult(code, Outcome.NO_ANSWER, null, clock.instant());
        }
    }

    private ManagementResult answered(NetworkManagementCode code, LinkAnswer.Answered answered) {
        try {
            NetworkManagementResponse response = NetworkManagementResponse.fromIsoMsg(answered.message(), clock);
            return new ManagementResult(code, response.isApproved() ? Outcome.APPROVED : Outcome.REFUSED,
                    response.rawResponseCode(), clock.instant());
        } catch (RuntimeException unreadable) {
            log.warn("0810 answering a {} could not be read: {}", code, unreadable.getMessage());
            return new ManagementResult(code, Outcome.REFUSED, null, clock.instant());
        }
    }

    private ManagementResult recordOperatorAction(String network, String operator, ManagementResult result) {
        managed(network).lastOperatorAction = new LinkView.OperatorAction(operator, result);
        log.info("Card network {}: {} asked by operator {}: {}", network, result.action(), operator, result.describe());
        return result;
    }

    private Managed managed(String network) {
        Managed state = managed.get(network);
        if (state == null) {
            throw new IllegalArgumentException("unknown card network " + network);
        }
        return state;
    }

    /** What the 0800s of one network last said; written by the exchanges, read by views. */
    private static final class Managed {
        volatile ManagementResult lastEcho;
        volatile boolean signedOffByOperator;
        volatile LinkView.OperatorAction lastOperatorAction;
    }
}
