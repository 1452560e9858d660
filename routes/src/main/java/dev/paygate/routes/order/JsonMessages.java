package dev.paygate.routes.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Everything between the front and back units crosses the JMS link as JSON text, never as serialized Java
 * objects, so a forged message can at worst be rejected, not executed.
 */
public final class JsonMessages {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** @throws MalformedMessageException when the text is not a valid {@code type} */
    public <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedMessageException("empty " + type.getSimpleName());
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
