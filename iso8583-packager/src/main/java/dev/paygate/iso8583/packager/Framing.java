package dev.paygate.iso8583.packager;

import org.jpos.iso.BaseChannel;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.channel.NACChannel;

/**
 * How messages are delimited on a TCP connection. In both cases the length prefix counts the
 * optional header (e.g. a 5-byte TPDU) plus the packed message, as jPOS's channels do.
 */
public enum Framing implements ConfigNamed {

    /** Two-byte big-endian binary length, then the optional header: jPOS {@link NACChannel}. */
    BINARY_LENGTH(NACChannel.class, 2),
    /** Four ASCII digits of length, then the optional header: jPOS {@link ASCIIChannel}. */
    ASCII_LENGTH(ASCIIChannel.class, 4);

    private final Class<? extends BaseChannel> channelClass;
    private final int prefixBytes;

    Framing(Class<? extends BaseChannel> channelClass, int prefixBytes) {
        this.channelClass = channelClass;
        this.prefixBytes = prefixBytes;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Framing fromConfigName(String configName) {
        return ConfigNamed.fromConfigName(Framing.class, "framing", configName);
    }

    /** The jPOS channel that frames this way, for Q2 deploy descriptors and {@link NetworkChannels}. */
    public Class<? extends BaseChannel> channelClass() {
        return channelClass;
    }

    public int prefixBytes() {
        return prefixBytes;
    }
}
