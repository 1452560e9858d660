package dev.paygate.routes.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.stereotype.Component;

/**
 * Orders and decisions cross the JMS link as JSON text, never as serialized Java objects, so a forged
 * message can at worst be rejected, not executed.
 */
@Component
public class OrderCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public String encodeOrder(PaymentOrder order) {
        return write(order);
    }

    public PaymentOrder decodeOrder(String json) {
        return read(json, PaymentOrder.class);
    }

    public String encodeDecision(Decision decision) {
        return write(decision);
    }

    public Decision decodeDecision(String json) {
        return read(json, Decision.class);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedMessageException("empty " + type.getSimpleName());
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** A message that no retry can make valid: it goes to the dead-letter queue with this reason. */
    public static class MalformedMessageException extends RuntimeException {
        public MalformedMessageException(String reason) {
            super(reason);
        }
    }
}
