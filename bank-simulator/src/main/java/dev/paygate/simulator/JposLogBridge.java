package dev.paygate.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.util.LogEvent;
import org.jpos.util.LogListener;
import org.jpos.util.ProtectedLogListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends jPOS's own log events (session start and end, session errors) to SLF4J. jPOS has no SLF4J
 * bridge; its events pass jPOS's ProtectedLogListener first, so a message that reaches an event
 * has its PAN and track data masked and its PIN block and MACs wiped.
 */
final class JposLogBridge implements LogListener {

    private static final Logger log = LoggerFactory.getLogger("dev.paygate.simulator.jpos");

    private JposLogBridge() {
    }

    /** A jPOS logger whose events are protected, then written through SLF4J. */
    static org.jpos.util.Logger newLogger(String name) {
        org.jpos.util.Logger logger = new org.jpos.util.Logger();
        logger.setName(name);
        logger.addListener(protectedLogListener());
        logger.addListener(new JposLogBridge());
        return logger;
    }

    private static ProtectedLogListener protectedLogListener() {
        Properties properties = new Properties();
        properties.setProperty("protect", "2 14 34 35 36 45");
        properties.setProperty("wipe", "52 55 64 96 128");
        ProtectedLogListener listener = new ProtectedLogListener();
        try {
            listener.setConfiguration(new SimpleConfiguration(properties));
        } catch (ConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return listener;
    }

    @Override
    public LogEvent log(LogEvent event) {
        boolean trouble = event.getTag() != null && (event.getTag().contains("error") || event.getTag().contains("warn"));
        if (trouble ? log.isWarnEnabled() : log.isDebugEnabled()) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
                event.dump(out, "");
            }
            String dump = text.toString(StandardCharsets.UTF_8).strip();
            if (trouble) {
                log.warn("{}", dump);
            } else {
                log.debug("{}", dump);
            }
        }
        return event;
    }
}
