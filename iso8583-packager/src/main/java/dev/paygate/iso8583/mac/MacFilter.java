package dev.paygate.iso8583.mac;

import dev.paygate.iso8583.field.PackagingException;
import org.jpos.core.Configurable;
import org.jpos.core.Configuration;
import org.jpos.core.ConfigurationException;
import org.jpos.iso.ISOChannel;
import org.jpos.iso.ISOFilter;
import org.jpos.iso.ISOMsg;
import org.jpos.util.LogEvent;

/**
 * A jPOS channel filter that signs outgoing messages and vetoes incoming ones whose MAC is
 * missing or wrong. Usable from a Q2 deploy descriptor:
 * {@code <filter class="dev.paygate.iso8583.mac.MacFilter" direction="both"><property name="key-hex" value="..."/></filter>}.
 */
public class MacFilter implements ISOFilter, Configurable {

    private MessageMac messageMac;

    /** For Q2, which configures the key through {@link #setConfiguration}. */
    public MacFilter() {
    }

    public MacFilter(Iso9797Alg3Mac mac) {
        this.messageMac = new MessageMac(mac);
    }

    @Override
    public void setConfiguration(Configuration cfg) throws ConfigurationException {
        String keyHex = cfg.get("key-hex", null);
        if (keyHex == null || keyHex.isBlank()) {
            throw new ConfigurationException("MacFilter needs the property key-hex");
        }
        try {
            messageMac = new MessageMac(Iso9797Alg3Mac.fromHex(keyHex));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("MacFilter key-hex: " + e.getMessage());
        }
    }

    @Override
    public ISOMsg filter(ISOChannel channel, ISOMsg message, LogEvent event) throws VetoException {
        if (messageMac == null) {
            throw new VetoException("MacFilter has no key");
        }
        try {
            if (message.isIncoming()) {
                if (!messageMac.verify(message, channel.getPackager())) {
                    throw new VetoException("MAC missing or invalid on " + message.getString(0) + " STAN " + message.getString(11));
                }
            } else {
                messageMac.sign(message, channel.getPackager());
            }
        } catch (PackagingException e) {
            throw new VetoException(e.getMessage());
        }
        return message;
    }
}
