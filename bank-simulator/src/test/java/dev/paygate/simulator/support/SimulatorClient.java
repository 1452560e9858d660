package dev.paygate.simulator.support;

import dev.paygate.iso8583.packager.NetworkChannels;
import dev.paygate.iso8583.packager.NetworkProfile;
import dev.paygate.simulator.BankSimulator;
import dev.paygate.simulator.EndpointConfig;
import dev.paygate.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;

/** An acquirer's connection to one simulator endpoint, framed as that endpoint's profile says. */
public final class SimulatorClient implements AutoCloseable {

    public static final int READ_TIMEOUT_MILLIS = 3_000;

    private final BaseChannel channel;

    private SimulatorClient(BaseChannel channel) {
        this.channel = channel;
    }

    public static SimulatorClient connect(BankSimulator simulator, SimulatorConfig config, String endpointName) {
        return connect(simulator, profile(config, endpointName), endpointName, READ_TIMEOUT_MILLIS);
    }

    public static SimulatorClient connect(BankSimulator simulator, NetworkProfile profile, String endpointName, int readTimeoutMillis) {
        BaseChannel channel = NetworkChannels.client(profile, "127.0.0.1", simulator.port(endpointName), readTimeoutMillis);
        try {
            channel.connect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SimulatorClient(channel);
    }

    public static NetworkProfile profile(SimulatorConfig config, String endpointName) {
        return config.endpoints().stream()
                .filter(endpoint -> endpoint.name().equals(endpointName))
                .map(EndpointConfig::profile)
                .findFirst()
                .orElseThrow();
    }

    public ISOMsg exchange(ISOMsg request) throws IOException, ISOException {
        send(request);
        return receive();
    }

    public void send(ISOMsg request) throws IOException, ISOException {
        channel.send(request);
    }

    public ISOMsg receive() throws IOException, ISOException {
        return channel.receive();
    }

    public boolean isConnected() {
        return channel.isConnected();
    }

    @Override
    public void close() throws IOException {
        channel.disconnect();
    }
}
