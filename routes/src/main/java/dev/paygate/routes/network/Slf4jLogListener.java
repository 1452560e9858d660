package dev.paygate.routes.network;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jpos.util.LogEvent;
import org.jpos.util.LogListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends jPOS log events to the application's log. It runs after {@code ProtectedLogListener} in
 * {@code 00_logger.xml}, so the messages it sees already have card data masked.
 */
public class Slf4jLogListener implements LogListener {

    private static final Logger log = LoggerFactory.getLogger("jpos");

    @Override
    public LogEvent log(LogEvent event) {
        String tag = event.getTag() == null ? "" : event.getTag().toLowerCase(Locale.ROOT);
        boolean problem = tag.contains("error") || tag.contains("warn") || tag.contains("exception");
        // Messages and Q2's life-cycle chatter are DEBUG; health shows link state, problems are WARN.
        if (problem ? log.isWarnEnabled() : log.isDebugEnabled()) {
            String text = render(event);
            if (problem) {
                log.warn("{}", text);
            } else {
                log.debug("{}", text);
            }
        }
        return event;
    }

    private static String render(LogEvent event) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            event.dump(out, "");
        }
        return buffer.toString(StandardCharsets.UTF_8).strip();
    }
}
