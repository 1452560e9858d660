package dev.paygate.benchmarks.infra;

import java.nio.file.Path;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An Artemis broker with the gateway's embedded settings (persistent journal, no security, Paygate's
 * redelivery and dead-letter policy for {@code paygate.#}), reachable in this JVM and on a loopback TCP port,
 * so a gateway started with the {@code external} profile hands its orders over through it.
 */
public record BenchBroker(EmbeddedActiveMQ broker, int tcpPort) implements AutoCloseable {

    /** paygate.broker.journal-buffer-timeout-nanos, the gateway's default. */
    private static final int JOURNAL_BUFFER_TIMEOUT_NANOS = 50_000;

    public static BenchBroker start(Path dataDirectory, int tcpPort) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setSecurityEnabled(false)
                .setPersistenceEnabled(true)
                .setJournalDirectory(dataDirectory.resolve("journal").toString())
                .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDirectory.resolve("largemessages").toString())
                .setPagingDirectory(dataDirectory.resolve("paging").toString())
                .setJournalBufferTimeout_NIO(JOURNAL_BUFFER_TIMEOUT_NANOS)
                .setJournalBufferTimeout_AIO(JOURNAL_BUFFER_TIMEOUT_NANOS)
                .addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                        Map.of("serverId", 0), "invm"))
                .addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(),
                        Map.of("host", "127.0.0.1", "port", tcpPort), "tcp"));
        // As gateway/runtime/EmbeddedBrokerConfiguration sets with its defaults (paygate.broker.*).
        configuration.addAddressSetting("paygate.#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("paygate.payment.dead-letter"))
                .setAutoCreateDeadLetterResources(true)
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(500)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(30_000));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        return new BenchBroker(broker, tcpPort);
    }

    public String inVmUrl() {
        return "vm://0";
    }

    public String tcpUrl() {
        return "tcp://127.0.0.1:" + tcpPort;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
