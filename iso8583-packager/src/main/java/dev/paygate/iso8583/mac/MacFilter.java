package dev.paygate.iso8583.mac;

import dev.paygate.iso8583.field.PackagingException;
import org.jpos.core.Configurable;
import org.jpos.core.Configuration;
import org.jpos.core.ConfigurationException;
import org.jpos.iso.ISOChannel;
import org.jpos.iso.ISOFilter;
import org.jpos.iso.ISOMsg;
import org.jpos.util.LogEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A jPOS channel filter that signs outgoing messages and vetoes incoming ones whose MAC is missing or wrong.
 * A vetoed message is dropped by the channel as if it never came (an answer nobody can trust is no answer), so
 * it is logged here, with the network, MTI, STAN and terminal, never the key or the card. In a Q2 deploy descriptor:
 * <pre>{@code
 * <filter class="dev.paygate.iso8583.mac.MacFilter" direction="both">
 *   <property name="network" value="cardnet-a"/>   <!-- key from MacKeys, registered by the application -->
 * </filter>
 * }</pre>
 * or, for a stand-alone Q2, {@code <property name="key-hex" value="${...}"/>} instead of a registered key.
 */
public class MacFilter implements ISOFilter, Configurable {

    private static final Logger log = LoggerFactory.getLogger(MacFilter.class);
    private static final int DE_STAN = 11;
    private static final int DE_TERMINAL_ID = 41;

    private String network = "unnamed";
    private MessageMac messageMac;

    /** For Q2, which configures the key through {@link #setConfiguration}. */
    public MacFilter() {
    }

    public MacFilter(String network, Iso9797Alg3Mac mac) {
        this.network = network;
        this.messageMac = new MessageMac(mac);
    }

    @Override
    public void setConfiguration(Configuration cfg) throws ConfigurationException {
        network = cfg.get("network", network);
        String keyHex = cfg.get("key-hex", null);
        try {
            if (keyHex != null && !keyHex.isBlank()) {
                messageMac = new MessageMac(Iso9797Alg3Mac.fromHex(keyHex));
            } else {
                messageMac = new MessageMac(MacKeys.find(network).orElseThrow(() -> new ConfigurationException(
                        "MacFilter of network " + network + " has no key: none registered and no key-hex")));
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("MacFilter of network " + network + ": " + e.getMessage());
        }
    }

    @Override
    public ISOMsg filter(ISOChannel channel, ISOMsg message, LogEvent event) throws VetoException {
        if (messageMac == null) {
            throw new VetoException("MacFilter of network " + network + " has no key");
        }
        try {
            if (message.isIncoming()) {
                if (!messageMac.verify(message, channel.getPackager())) {
                    String refusal = "MAC missing or invalid on " + message.getString(0) + " STAN "
                            + message.getString(DE_STAN) + " terminal " + message.getString(DE_TERMINAL_ID)
                            + " from " + network;
                    log.warn("{}: message discarded", refusal);
                    throw new VetoException(refusal);
                }
            } else {
                messageMac.sign(message, channel.getPackager());
            }
        } catch (PackagingException e) {
            log.warn("MAC of {} on network {} could not be computed: {}", message.getString(0), network, e.getMessage());
            throw new VetoException(e.getMessage());
        }
        return message;
    }
}
