package dev.paygate.routes.network;

import dev.paygate.iso8583.field.PackagingException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.jpos.iso.ISOChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOFilter;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;

/**
 * The channel of a {@link CardLinkAdaptor}, watched: each way a read or a write fails is named (a
 * {@link LinkLoss}) before jPOS's adaptor drops the link, so that the log and the metrics can say why. jPOS's
 * own adaptor swallows these exceptions; everything else is the wrapped channel's.
 */
final class WatchedChannel implements ISOChannel {

    /** Where the failures go, on the thread that saw them. */
    interface Failures {
        void failed(LinkLoss loss, String detail);
    }

    /** A log line's worth: jPOS's messages about a frame can quote the whole frame. */
    private static final int DETAIL_CHARS_MAX = 240;

    private final ISOChannel channel;
    private final Failures failures;

    WatchedChannel(ISOChannel channel, Failures failures) {
        this.channel = channel;
        this.failures = failures;
    }

    ISOChannel watched() {
        return channel;
    }

    @Override
    public ISOMsg receive() throws IOException, ISOException {
        try {
            return channel.receive();
        } catch (ISOFilter.VetoException refused) {
            // A filter (a MAC check) refused one message: it has said why, and the link stays up.
            throw refused;
        } catch (ISOException unreadable) {
            failures.failed(LinkLoss.UNREADABLE_FRAME, describe(unreadable));
            throw unreadable;
        } catch (EOFException closed) {
            failures.failed(LinkLoss.CLOSED_BY_NETWORK, "end of stream");
            throw closed;
        } catch (SocketTimeoutException silent) {
            failures.failed(LinkLoss.READ_TIMEOUT, "nothing received within the channel's read timeout");
            throw silent;
        } catch (IOException broken) {
            // BaseChannel wraps a fault of the unpacking code itself into an IOException ("unexpected exception").
            boolean unpacking = broken.getCause() != null && !(broken.getCause() instanceof IOException);
            failures.failed(unpacking ? LinkLoss.UNREADABLE_FRAME : LinkLoss.IO_ERROR, describe(broken));
            throw broken;
        }
    }

    @Override
    public void send(ISOMsg message) throws IOException, ISOException {
        try {
            channel.send(message);
        } catch (ISOFilter.VetoException refused) {
            throw refused;
        } catch (IOException | ISOException failed) {
            failures.failed(LinkLoss.SEND_FAILED, describe(failed));
            throw failed;
        }
    }

    @Override
    public void send(byte[] frame) throws IOException, ISOException {
        try {
            channel.send(frame);
        } catch (IOException | ISOException failed) {
            failures.failed(LinkLoss.SEND_FAILED, describe(failed));
            throw failed;
        }
    }

    /** The exception in one line, bounded, with anything that looks like a card number masked. */
    static String describe(Exception failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName()).append(": ").append(failure.getMessage());
        if (failure.getCause() != null && failure.getCause() != failure) {
            text.append(" (").append(failure.getCause().getClass().getSimpleName()).append(": ")
                    .append(failure.getCause().getMessage()).append(')');
        }
        String masked = PackagingException.framing(text.toString()).getMessage();
        return masked.length() <= DETAIL_CHARS_MAX ? masked : masked.substring(0, DETAIL_CHARS_MAX) + "...";
    }

    @Override
    public void connect() throws IOException {
        channel.connect();
    }

    @Override
    public void disconnect() throws IOException {
        channel.disconnect();
    }

    @Override
    public void reconnect() throws IOException {
        channel.reconnect();
    }

    @Override
    public boolean isConnected() {
        return channel.isConnected();
    }

    @Override
    public void setPackager(ISOPackager packager) {
        channel.setPackager(packager);
    }

    @Override
    public ISOPackager getPackager() {
        return channel.getPackager();
    }

    @Override
    public void setUsable(boolean usable) {
        channel.setUsable(usable);
    }

    @Override
    public void setName(String name) {
        channel.setName(name);
    }

    @Override
    public String getName() {
        return channel.getName();
    }

    @Override
    public Object clone() {
        return new WatchedChannel((ISOChannel) channel.clone(), failures);
    }
}
