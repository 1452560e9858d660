package dev.paygate.gateway.runtime;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** An Artemis broker as units find one on the network: TCP only on a free loopback port, nothing in-VM. */
public final class StandaloneBroker {

    private StandaloneBroker() {
    }

    /** @param persistent whether messages go to a journal under {@code directory}, as a production broker's do */
    public static EmbeddedActiveMQ start(String name, Path directory, boolean persistent, String url) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName(name);
        configuration.setPersistenceEnabled(persistent);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(directory.resolve("journal").toString());
        configuration.setBindingsDirectory(directory.resolve("bindings").toString());
        configuration.setPagingDirectory(directory.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(directory.resolve("large-messages").toString());
        configuration.addAcceptorConfiguration("tcp", url);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        return broker;
    }

    public static String freeUrl() {
        return "tcp://127.0.0.1:" + TestPorts.free();
    }
}
