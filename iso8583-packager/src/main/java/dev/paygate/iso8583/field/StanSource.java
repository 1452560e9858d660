package dev.paygate.iso8583.field;

import java.time.LocalDate;

/**
 * Allocates STANs (DE 11). A STAN must be unique per network per UTC day, across restarts and
 * across every back-unit process talking to that network, so implementations draw from shared
 * storage (a database sequence or row), never from a JVM counter.
 */
public interface StanSource {

    /**
     * @param network the network profile name, e.g. {@code cardnet-a}
     * @param utcDay the UTC day the message is transmitted on
     */
    Stan next(String network, LocalDate utcDay);
}
