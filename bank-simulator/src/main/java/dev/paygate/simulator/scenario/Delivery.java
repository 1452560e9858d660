package dev.paygate.simulator.scenario;

import dev.paygate.iso8583.mac.Iso9797Alg3Mac;
import dev.paygate.iso8583.mac.MessageMac;
import dev.paygate.iso8583.message.MaskedMessage;
import dev.paygate.iso8583.packager.FrameCodec;
import dev.paygate.iso8583.packager.NetworkProfile;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.ISOSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an answer the way a card's {@link Behaviour} says: now, slowly, too late, never, by closing the
 * connection, as garbage, or with a MAC that fails. Every answer sent is logged with the PAN masked.
 */
public final class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    /** Starts with letters where the MTI belongs, so no packager can read it. */
    private static final byte[] GARBAGE_BODY = "GARBAGE\u0000\u00ff\u0013 not an ISO 8583 message".getBytes(StandardCharsets.ISO_8859_1);

    private final String endpointName;
    private final NetworkProfile profile;
    private final ScheduledExecutorService scheduler;
    /** Not the network's key: whatever it signs fails the acquirer's check. */
    private static final Iso9797Alg3Mac FORGERS_KEY = Iso9797Alg3Mac.fromHex("0000000000000000FFFFFFFFFFFFFFFF");

    private final Duration slowDelay;
    private final Duration lateDelay;

    public Delivery(NetworkProfile profile, ScheduledExecutorService scheduler, Duration slowDelay, Duration lateDelay) {
        this.endpointName = profile.name();
        this.profile = profile;
        this.scheduler = scheduler;
        this.slowDelay = slowDelay;
        this.lateDelay = lateDelay;
    }

    public void deliver(ISOSource source, ISOMsg request, ISOMsg answer, Behaviour behaviour) {
        // A copy per delivery: a duplicate may be answered while the original answer is still scheduled.
        ISOMsg response = (ISOMsg) answer.clone();
        if (request.getHeader() != null) {
            // The request's header (TPDU) goes back; NACChannel swaps its source and destination.
            response.setHeader(request.getHeader().clone());
        }
        switch (behaviour) {
            case SLOW -> schedule(source, response, slowDelay);
            case LATE -> schedule(source, response, lateDelay);
            case BAD_MAC -> sendWithBadMac(source, response);
            case NO_ANSWER, NO_ANSWER_DROPS_FIRST_REVERSAL_ANSWER -> log.info("{} never answers {}", endpointName, MaskedMessage.describe(response));
            case CLOSE_CONNECTION -> close(source, response);
            case GARBAGE -> sendGarbage(source, response);
            default -> send(source, response);
        }
    }

    private void schedule(ISOSource source, ISOMsg response, Duration delay) {
        log.info("{} answers in {} ms: {}", endpointName, delay.toMillis(), MaskedMessage.describe(response));
        try {
            scheduler.schedule(() -> send(source, response), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.info("{} shutting down, slow answer dropped", endpointName);
        }
    }

    private void send(ISOSource source, ISOMsg response) {
        if (!source.isConnected()) {
            log.info("{} client gone, not answered: {}", endpointName, MaskedMessage.describe(response));
            return;
        }
        try {
            source.send(response);
            log.info("{} answered {}", endpointName, MaskedMessage.describe(response));
        } catch (IOException | ISOException e) {
            log.warn("{} could not answer {}: {}", endpointName, MaskedMessage.describe(response), e.toString());
        }
    }

    private void close(ISOSource source, ISOMsg response) {
        log.info("{} closes the connection instead of answering {}", endpointName, MaskedMessage.describe(response));
        if (source instanceof BaseChannel channel && channel.getSocket() != null) {
            // Half-closing both ways ends the session the way a peer's close does: the client reads
            // end of stream, and jPOS's session loop ends cleanly and disconnects the channel itself.
            Socket socket = channel.getSocket();
            try {
                socket.shutdownOutput();
                socket.shutdownInput();
            } catch (IOException e) {
                log.debug("{} closing the connection failed: {}", endpointName, e.toString());
            }
        }
    }

    /**
     * Signs the answer with a key that is not the network's and writes the frame past the channel, whose own
     * filter would sign it correctly.
     */
    private void sendWithBadMac(ISOSource source, ISOMsg response) {
        log.info("{} answers with a MAC that does not verify: {}", endpointName, MaskedMessage.describe(response));
        if (source instanceof BaseChannel channel) {
            try {
                ISOPackager packager = channel.getPackager();
                new MessageMac(FORGERS_KEY).sign(response, packager);
                response.setPackager(packager);
                channel.send(FrameCodec.forProfile(profile).encode(profile.header(), response.pack()));
            } catch (IOException | ISOException e) {
                log.warn("{} could not send the badly signed answer: {}", endpointName, e.toString());
            }
        }
    }

    private void sendGarbage(ISOSource source, ISOMsg response) {
        log.info("{} answers garbage instead of {}", endpointName, MaskedMessage.describe(response));
        if (source instanceof BaseChannel channel) {
            try {
                channel.send(FrameCodec.forProfile(profile).encode(profile.header(), GARBAGE_BODY));
            } catch (IOException | ISOException e) {
                log.warn("{} could not send garbage: {}", endpointName, e.toString());
            }
        }
    }
}
