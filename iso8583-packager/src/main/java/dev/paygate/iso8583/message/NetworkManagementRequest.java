package dev.paygate.iso8583.message;

import static dev.paygate.iso8583.message.DataElements.NETWORK_MANAGEMENT_CODE;
import static dev.paygate.iso8583.message.DataElements.STAN;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Stan;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jpos.iso.ISOMsg;

/** 0800: sign-on, sign-off or echo test. Elements: 7, 11, 70. */
public record NetworkManagementRequest(NetworkManagementCode code, Stan stan, Instant transmittedAt) {

    public NetworkManagementRequest {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(stan, "stan");
        transmittedAt = Objects.requireNonNull(transmittedAt, "transmittedAt").truncatedTo(ChronoUnit.SECONDS);
    }

    public ISOMsg toIsoMsg() {
        return withElements(DataElements.newMessage(Mti.NETWORK_MANAGEMENT_REQUEST));
    }

    /** Sets elements 7, 11 and 70 on {@code message}: the 0810 answering this request echoes them. */
    ISOMsg withElements(ISOMsg message) {
        DataElements.setTransmissionDateTime(message, transmittedAt);
        DataElements.set(message, STAN, stan.digits());
        DataElements.set(message, NETWORK_MANAGEMENT_CODE, code.code());
        return message;
    }

    public static NetworkManagementRequest fromIsoMsg(ISOMsg message) {
        return fromIsoMsg(message, Clock.systemUTC());
    }

    /** @param clock picks the year of DE 7, which has none */
    public static NetworkManagementRequest fromIsoMsg(ISOMsg message, Clock clock) {
        DataElements.expectMti(message, Mti.NETWORK_MANAGEMENT_REQUEST);
        return DataElements.mapping(message, () -> readElements(message, clock));
    }

    /** Elements 7, 11 and 70 of an 0800, or of the 0810 that echoes them. */
    static NetworkManagementRequest readElements(ISOMsg message, Clock clock) {
        return new NetworkManagementRequest(
                NetworkManagementCode.fromCode(DataElements.numeric(message, NETWORK_MANAGEMENT_CODE, 3)),
                DataElements.stan(message),
                DataElements.transmittedAt(message, clock));
    }
}
