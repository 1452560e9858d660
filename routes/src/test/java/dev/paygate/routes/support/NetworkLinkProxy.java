package dev.paygate.routes.support;

import dev.paygate.iso8583.packager.FrameCodec;
import dev.paygate.iso8583.packager.MessageCodec;
import dev.paygate.iso8583.packager.NetworkProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jpos.iso.ISOMsg;

/**
 * A TCP hop between the gateway and a bank simulator endpoint that a test can break the way a network breaks:
 * {@link #cut()} drops every connection at once, {@link #refuse()} stops listening so that connection attempts are
 * refused, {@link #accept()} listens again on the same port. It reads the gateway's frames with the network's
 * framing and packager and notes each message type (with DE 70 for an 0800) per connection, so a test can see
 * what went first on a new connection; bytes pass through unchanged.
 */
public final class NetworkLinkProxy implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final FrameCodec frames;
    private final MessageCodec messages;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<List<String>> connections = new CopyOnWriteArrayList<>();
    private ServerSocket listener;

    private NetworkLinkProxy(NetworkProfile profile, int targetPort) throws IOException {
        this.frames = FrameCodec.forProfile(profile);
        this.messages = new MessageCodec(profile.packager());
        this.targetPort = targetPort;
        this.listener = bind(0);
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    /** Listens on an ephemeral loopback port and forwards to {@code targetPort}. */
    public static NetworkLinkProxy start(NetworkProfile profile, int targetPort) {
        try {
            return new NetworkLinkProxy(profile, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Closes every connection now, in both directions. */
    public void cut() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Stops listening (attempts are refused) and cuts what is open. */
    public synchronized void refuse() {
        closeQuietly(listener);
        listener = null;
        cut();
    }

    /** Listens again on the same port. */
    public synchronized void accept() {
        if (listener == null) {
            try {
                listener = bind(port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            startAccepting(listener);
        }
    }

    /** What the gateway sent on each connection, in order: MTIs, 0800s as {@code 0800/001}. */
    public List<List<String>> messagesByConnection() {
        return connections.stream().map(List::copyOf).toList();
    }

    @Override
    public synchronized void close() {
        refuse();
    }

    private static ServerSocket bind(int localPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(LOOPBACK, localPort));
        return socket;
    }

    private void startAccepting(ServerSocket socket) {
        Thread.ofVirtual().name("link-proxy-accept-" + port).start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket gateway = socket.accept();
                    open.add(gateway);
                    Socket network = new Socket(LOOPBACK, targetPort);
                    open.add(network);
                    List<String> seen = new CopyOnWriteArrayList<>();
                    connections.add(seen);
                    Thread.ofVirtual().start(() -> forwardFrames(gateway, network, seen));
                    Thread.ofVirtual().start(() -> copyBytes(network, gateway));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void forwardFrames(Socket gateway, Socket network, List<String> seen) {
        try (InputStream in = gateway.getInputStream(); OutputStream out = network.getOutputStream()) {
            for (Optional<FrameCodec.Frame> frame = frames.read(in); frame.isPresent(); frame = frames.read(in)) {
                seen.add(describe(frame.get().message()));
                frames.write(frame.get().header(), frame.get().message(), out);
            }
        } catch (IOException | RuntimeException ended) {
            // The connection was cut or closed by either side.
        } finally {
            closeQuietly(gateway);
            closeQuietly(network);
        }
    }

    private static void copyBytes(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // The connection was cut or closed by either side.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private String describe(byte[] body) {
        try {
            ISOMsg message = messages.unpack(body);
            String mti = message.getMTI();
            return mti.startsWith("08") ? mti + "/" + message.getString(70) : mti;
        } catch (Exception unreadable) {
            return "unreadable";
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
