package dev.paygate.routes.network;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.ledger.sequence.DatabaseStanSequence;
import dev.paygate.routes.BackUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 0800 exchanges: sign on once a link is up, then echo to prove it still carries answers. */
@Component
@BackUnit
public class NetworkManagement {

    private static final Logger log = LoggerFactory.getLogger(NetworkManagement.class);

    private final CardNetworks networks;
    private final DatabaseStanSequence stans;
    private final Clock clock;

    public NetworkManagement(CardNetworks networks, DatabaseStanSequence stans, Clock clock) {
        this.networks = networks;
        this.stans = stans;
        this.clock = clock;
    }

    /** Signs on if the network has not accepted us since the link came up, else sends an echo. */
    public void keepAlive(String network) {
        if (!networks.isConnected(network)) {
            if (networks.state(network).signedOn()) {
                log.warn("Card network {} disconnected; will sign on again when the link is back", network);
                networks.recordSignOn(network, false, clock.instant());
            }
            return;
        }
        boolean signedOn = networks.state(network).signedOn();
        NetworkManagementCode code = signedOn ? NetworkManagementCode.ECHO : NetworkManagementCode.SIGN_ON;
        boolean answered = exchange(network, code);
        Instant now = clock.instant();
        if (code == NetworkManagementCode.SIGN_ON) {
            networks.recordSignOn(network, answered, now);
            if (answered) {
                log.info("Signed on to card network {}", network);
            }
        }
        networks.recordEcho(network, answered, now);
    }

    private boolean exchange(String network, NetworkManagementCode code) {
        Instant now = clock.instant();
        Stan stan = Stan.of(stans.next(network, LocalDate.ofInstant(now, ZoneOffset.UTC)));
        try {
            ISOMsg answer = networks.mux(network).request(new NetworkManagementRequest(code, stan, now).toIsoMsg(),
                    networks.settings(network).timeoutMs());
            if (answer == null) {
                log.warn("Card network {} did not answer a {} within {} ms", network, code,
                        networks.settings(network).timeoutMs());
                return false;
            }
            return NetworkManagementResponse.fromIsoMsg(answer, clock).responseCode().isApproval();
        } catch (ISOException | RuntimeException e) {
            log.warn("{} to card network {} failed: {}", code, network, e.getMessage());
            return false;
        }
    }
}
