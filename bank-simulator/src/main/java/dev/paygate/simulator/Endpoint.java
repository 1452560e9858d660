package dev.paygate.simulator;

import dev.paygate.iso8583.packager.NetworkChannels;
import dev.paygate.iso8583.packager.NetworkProfile;
import dev.paygate.simulator.issuer.Issuer;
import dev.paygate.simulator.issuer.IssuerListeners;
import dev.paygate.simulator.scenario.Delivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.ISOServer;
import org.jpos.iso.ISOServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening endpoint: a jPOS ISOServer with the endpoint's channel and packager, and the
 * issuer's request listeners. The server socket is bound here, before the server thread starts,
 * so the port (ephemeral or not) is known and a port already in use fails the start at once.
 */
record Endpoint(EndpointConfig config, ISOServer server, BoundSocket socket, Thread thread) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Endpoint.class);
    private static final long STOP_WAIT_MILLIS = 5_000;

    static Endpoint start(EndpointConfig config, SimulatorConfig simulator, Issuer issuer, ScheduledExecutorService scheduler) {
        NetworkProfile profile = config.profile();
        BoundSocket socket = BoundSocket.bind(config);
        ISOServer server = new ISOServer(socket.port(),
                NetworkChannels.serverTemplate(profile, profile.packager().newPackager(), (int) simulator.idleTimeout().toMillis()),
                simulator.sessionsMax());
        server.setSocketFactory(socket);
        Properties properties = new Properties();
        properties.setProperty("virtual-threads", "true");
        try {
            server.setConfiguration(new SimpleConfiguration(properties));
        } catch (ConfigurationException e) {
            socket.close();
            throw new IllegalStateException("cannot configure endpoint " + config.name(), e);
        }
        server.setLogger(JposLogBridge.newLogger("bank-simulator"), config.name());
        Delivery delivery = new Delivery(profile, scheduler, simulator.slowDelay(), simulator.lateDelay());
        IssuerListeners.forEndpoint(profile, delivery, issuer).forEach(server::addISORequestListener);
        Endpoint endpoint = new Endpoint(config, server, socket,
                Thread.ofPlatform().name("bank-simulator-" + config.name()).daemon().unstarted(server));
        endpoint.thread.start();
        log.info("{} listening on {}:{} ({}, {}{}{})", config.name(), config.host(), socket.port(),
                profile.packager().configName(), profile.framing().configName(),
                profile.hasHeader() ? ", header " + profile.headerHex() : "", profile.mac().isPresent() ? ", MAC" : "");
        return endpoint;
    }

    int port() {
        return socket.port();
    }

    @Override
    public void close() {
        server.shutdown();
        socket.close();
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("{} stopped", config.name());
    }

    /**
     * Hands ISOServer the socket bound at start; should the server ever rebind (it does after an
     * accept failure), it gets the same port, not a new ephemeral one.
     */
    private static final class BoundSocket implements ISOServerSocketFactory {

        private final InetAddress address;
        private final int port;
        private ServerSocket first;

        private BoundSocket(InetAddress address, ServerSocket first) {
            this.address = address;
            this.port = first.getLocalPort();
            this.first = first;
        }

        static BoundSocket bind(EndpointConfig config) {
            try {
                InetAddress address = InetAddress.getByName(config.host());
                return new BoundSocket(address, newSocket(address, config.port()));
            } catch (IOException e) {
                throw new UncheckedIOException("endpoint " + config.name() + " cannot listen on "
                        + config.host() + ":" + config.port(), e);
            }
        }

        private static ServerSocket newSocket(InetAddress address, int port) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return socket;
        }

        int port() {
            return port;
        }

        @Override
        public synchronized ServerSocket createServerSocket(int ignoredPort) throws IOException {
            if (first != null) {
                ServerSocket socket = first;
                first = null;
                return socket;
            }
            return newSocket(address, port);
        }

        synchronized void close() {
            if (first != null) {
                try {
                    first.close();
                } catch (IOException e) {
                    log.debug("closing an unused server socket failed: {}", e.toString());
                }
            }
        }
    }
}
