package dev.paygate.iso8583.packager;

import dev.paygate.iso8583.mac.MacFilter;
import java.util.Properties;
import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOPackager;

/**
 * Builds the jPOS channel for a {@link NetworkProfile}, so the bank simulator (server side) and
 * the gateway (client side) frame identically. Q2 deploy descriptors use the same classes and
 * properties; see the module README for the {@code <channel>} element of each profile. With a MAC key, the client
 * signs what it sends and vetoes answers whose MAC fails; the server template only signs, since an issuer answers
 * a request with a bad MAC (DE 39 63) instead of ignoring it.
 */
public final class NetworkChannels {

    private NetworkChannels() {
    }

    /**
     * A client channel, not yet connected.
     *
     * @param readTimeoutMillis socket read timeout; 0 waits forever, which a client never should
     */
    public static BaseChannel client(NetworkProfile profile, String host, int port, int readTimeoutMillis) {
        Properties properties = commonProperties(readTimeoutMillis);
        properties.setProperty("host", host);
        properties.setProperty("port", Integer.toString(port));
        BaseChannel channel = build(profile, profile.packager().newPackager(), properties);
        // The acquirer signs its requests and drops an answer whose MAC fails: no answer rather than a forged one.
        profile.mac().ifPresent(mac -> channel.addFilter(new MacFilter(profile.name(), mac)));
        return channel;
    }

    /**
     * The template an {@link org.jpos.iso.ISOServer} clones for every accepted connection.
     *
     * @param idleTimeoutMillis a connection silent this long is closed, so a client that sends half a frame cannot hold a session forever
     */
    public static BaseChannel serverTemplate(NetworkProfile profile, ISOPackager packager, int idleTimeoutMillis) {
        BaseChannel channel = build(profile, packager, commonProperties(idleTimeoutMillis));
        // The issuer signs its answers; it checks each request's MAC itself, to answer a bad one with DE 39 63.
        profile.mac().ifPresent(mac -> channel.addOutgoingFilter(new MacFilter(profile.name(), mac)));
        return channel;
    }

    private static Properties commonProperties(int timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must be >= 0");
        }
        Properties properties = new Properties();
        properties.setProperty("timeout", Integer.toString(timeoutMillis));
        properties.setProperty("max-packet-length", Integer.toString(FrameCodec.MAX_FRAME_BYTES_DEFAULT));
        // jPOS hex-dumps a frame it cannot unpack into its log event; that dump would hold the PAN.
        properties.setProperty("debug-iso-error", "false");
        return properties;
    }

    private static BaseChannel build(NetworkProfile profile, ISOPackager packager, Properties properties) {
        BaseChannel channel;
        try {
            channel = profile.framing().channelClass().getDeclaredConstructor().newInstance();
            channel.setPackager(packager);
            channel.setConfiguration(new SimpleConfiguration(properties));
        } catch (ReflectiveOperationException | ConfigurationException e) {
            throw new IllegalStateException("cannot build the channel of network " + profile.name(), e);
        }
        if (profile.hasHeader()) {
            channel.setHeader(profile.header());
        }
        return channel;
    }
}
