package dev.paygate.iso8583.support;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.iso8583.packager.NetworkChannels;
import dev.paygate.iso8583.packager.NetworkProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.Properties;
import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOServer;
import org.jpos.iso.ISOSource;

/**
 * A minimal issuer on a loopback ephemeral port for channel tests: approves every 0100 and
 * answers every 0800. The real simulator lives in the bank-simulator module.
 */
public final class EchoIssuer implements AutoCloseable {

    private final ISOServer server;
    private final ServerSocket serverSocket;
    private final Thread thread;

    public EchoIssuer(NetworkProfile profile) {
        try {
            serverSocket = new ServerSocket();
            serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server = new ISOServer(0, NetworkChannels.serverTemplate(profile, profile.packager().newPackager(), 10_000), 10);
            server.setSocketFactory(port -> serverSocket);
            Properties properties = new Properties();
            properties.setProperty("virtual-threads", "true");
            server.setConfiguration(new SimpleConfiguration(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigurationException e) {
            throw new IllegalStateException(e);
        }
        server.addISORequestListener(EchoIssuer::answer);
        thread = Thread.ofVirtual().name("echo-issuer-" + profile.name()).start(server);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private static boolean answer(ISOSource source, ISOMsg request) {
        ISOMsg response = switch (request.getString(0)) {
            case "0100" -> CardResponse.answering(
                    CardRequest.fromIsoMsg(request), ResponseCode.APPROVED, Optional.of("ECHO01")).toIsoMsg();
            case "0800" -> NetworkManagementResponse.answering(
                    NetworkManagementRequest.fromIsoMsg(request), ResponseCode.APPROVED).toIsoMsg();
            default -> null;
        };
        if (response == null) {
            return false;
        }
        response.setHeader(request.getHeader());
        try {
            source.send(response);
        } catch (Exception e) {
            throw new IllegalStateException("cannot answer", e);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        thread.join(5_000);
    }
}
