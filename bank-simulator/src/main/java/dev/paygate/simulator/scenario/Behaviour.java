package dev.paygate.simulator.scenario;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.packager.ConfigNamed;
import java.util.Optional;

/**
 * The fixed behaviour of a test card, like a payment provider's test cards. Some decide the
 * answer, others how (or whether) it is delivered; they apply to 0100 and 0200 requests only, so
 * a reversal of a card that never answers is still acknowledged.
 */
public enum Behaviour implements ConfigNamed {

    /** Issuer rules: status, expiry, balance, daily limit. */
    NORMAL,
    /** Approves whatever the status, balance or limit; the balance still moves (and may go negative). */
    ALWAYS_APPROVE,
    /** 05 do not honour. */
    DECLINE,
    /** 91 issuer unavailable. */
    ISSUER_UNAVAILABLE,
    /** 96 system malfunction. */
    SYSTEM_ERROR,
    /** Decided and booked at once, answered after the configured slow delay. */
    SLOW,
    /**
     * Decided and booked at once, answered after the configured late delay: past the acquirer's answer timeout,
     * so the answer arrives after the acquirer has given up on it and reversed the transaction.
     */
    LATE,
    /** Decided and booked, answered with a MAC that does not verify: an acquirer must take it for no answer. */
    BAD_MAC,
    /** Decided and booked (funds held), never answered: only a reversal releases the funds. */
    NO_ANSWER,
    /**
     * Like {@link #NO_ANSWER}, and the first reversal of each of its transactions is booked but not answered,
     * so the acquirer's store-and-forward queue must send it again; the repeat is answered.
     */
    NO_ANSWER_DROPS_FIRST_REVERSAL_ANSWER,
    /** Decided and booked, then the connection is closed instead of answering. */
    CLOSE_CONNECTION,
    /** Decided and booked, then answered with a well-framed message that does not unpack. */
    GARBAGE;

    /** @throws IllegalArgumentException naming the accepted values */
    public static Behaviour fromConfigName(String configName) {
        return ConfigNamed.fromConfigName(Behaviour.class, "behaviour", configName);
    }

    /** The answer this behaviour imposes regardless of the account, if any. */
    public Optional<ResponseCode> forcedResponse() {
        return switch (this) {
            case DECLINE -> Optional.of(ResponseCode.DO_NOT_HONOUR);
            case ISSUER_UNAVAILABLE -> Optional.of(ResponseCode.ISSUER_UNAVAILABLE);
            case SYSTEM_ERROR -> Optional.of(ResponseCode.SYSTEM_MALFUNCTION);
            default -> Optional.empty();
        };
    }
}
