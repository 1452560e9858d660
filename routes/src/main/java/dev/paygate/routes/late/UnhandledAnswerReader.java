package dev.paygate.routes.late;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.network.CardNetworks;
import java.util.ArrayList;
import java.util.List;
import org.jpos.iso.ISOMsg;
import org.jpos.q2.iso.QMUX;
import org.jpos.space.Space;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads each network MUX's {@code unhandled} queue ({@code <unhandled>} in {@code 20_<network>_mux.xml}): QMUX puts
 * there every message that matches no waiting request, for two minutes. One thread per network hands each one to
 * {@link LateAnswers}; a fault on one message is logged and the next is read.
 */
@Component
@BackUnit
public class UnhandledAnswerReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UnhandledAnswerReader.class);
    /** How long one read waits for a message, so a stop is noticed within it. */
    static final long READ_WAIT_MS = 500;

    private final CardNetworks networks;
    private final LateAnswers lateAnswers;
    private final List<Thread> readers = new ArrayList<>();
    private volatile boolean running;

    public UnhandledAnswerReader(CardNetworks networks, LateAnswers lateAnswers) {
        this.networks = networks;
        this.lateAnswers = lateAnswers;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (String network : networks.names()) {
            QMUX qmux = networks.link(network).qmux();
            if (qmux.getUnhandledQueue() == null) {
                log.warn("The MUX of {} keeps no unhandled queue: late answers from it are not recorded", network);
                continue;
            }
            Space<String, Object> space = qmux.getSpace();
            String queue = qmux.getUnhandledQueue();
            readers.add(Thread.ofPlatform().name("late-answers-" + network).daemon()
                    .start(() -> read(network, space, queue)));
        }
    }

    private void read(String network, Space<String, Object> space, String queue) {
        while (running) {
            Object message = space.in(queue, READ_WAIT_MS);
            if (message instanceof ISOMsg answer) {
                try {
                    lateAnswers.handle(network, answer);
                } catch (RuntimeException e) {
                    log.error("Late answer from {} could not be handled: {}", network, e.toString());
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (Thread reader : readers) {
            try {
                reader.join(READ_WAIT_MS * 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        readers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
