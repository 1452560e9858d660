package dev.paygate.iso8583.message;

import static dev.paygate.iso8583.message.DataElements.RESPONSE_CODE;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Stan;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jpos.iso.ISOMsg;

/**
 * 0810: the answer to a {@link NetworkManagementRequest}. Elements: 7, 11, 39, 70.
 *
 * @param rawResponseCode DE 39 as received
 */
public record NetworkManagementResponse(
        NetworkManagementCode code, Stan stan, Instant transmittedAt, String rawResponseCode) {

    public NetworkManagementResponse {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(stan, "stan");
        transmittedAt = Objects.requireNonNull(transmittedAt, "transmittedAt").truncatedTo(ChronoUnit.SECONDS);
        if (rawResponseCode == null || !rawResponseCode.matches("[0-9A-Za-z]{2}")) {
            throw new IllegalArgumentException("response code (DE 39) must be 2 alphanumeric characters");
        }
    }

    public static NetworkManagementResponse answering(NetworkManagementRequest request, ResponseCode responseCode) {
        return new NetworkManagementResponse(request.code(), request.stan(), request.transmittedAt(), responseCode.code());
    }

    public ResponseCode responseCode() {
        return ResponseCode.fromCode(rawResponseCode);
    }

    public boolean isApproved() {
        return responseCode().isApproval();
    }

    public ISOMsg toIsoMsg() {
        ISOMsg message = new NetworkManagementRequest(code, stan, transmittedAt)
                .withElements(DataElements.newMessage(Mti.NETWORK_MANAGEMENT_RESPONSE));
        DataElements.set(message, RESPONSE_CODE, rawResponseCode);
        return message;
    }

    public static NetworkManagementResponse fromIsoMsg(ISOMsg message) {
        return fromIsoMsg(message, Clock.systemUTC());
    }

    /** @param clock picks the year of DE 7, which has none */
    public static NetworkManagementResponse fromIsoMsg(ISOMsg message, Clock clock) {
        DataElements.expectMti(message, Mti.NETWORK_MANAGEMENT_RESPONSE);
        return DataElements.mapping(message, () -> {
            NetworkManagementRequest echoed = NetworkManagementRequest.readElements(message, clock);
            return new NetworkManagementResponse(echoed.code(), echoed.stan(), echoed.transmittedAt(),
                    DataElements.responseCode(message));
        });
    }
}
