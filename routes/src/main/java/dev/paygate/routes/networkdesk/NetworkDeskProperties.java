package dev.paygate.routes.networkdesk;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operators' line to the card network links of every back unit: commands on a topic every back unit
 * subscribes to, answers on the asker's temporary queue.
 *
 * @param topic           where commands go; each back unit answers those addressed to all or to it
 * @param backName        how this back unit names itself to operators; empty: host name and process id
 * @param discoveryWaitMs how long the front collects answers to learn which back units are there
 * @param actionWaitMs    how long it waits for every back unit to report a sign-on, sign-off or echo: longer than
 *                        the slowest network's {@code timeout-ms}
 */
@ConfigurationProperties("paygate.network-desk")
public record NetworkDeskProperties(
        @DefaultValue("paygate.network.command") String topic,
        @DefaultValue("") String backName,
        @DefaultValue("1000") long discoveryWaitMs,
        @DefaultValue("15000") long actionWaitMs) {

    public NetworkDeskProperties {
        if (discoveryWaitMs <= 0 || actionWaitMs <= 0) {
            throw new IllegalArgumentException("paygate.network-desk wait times must be positive");
        }
        backName = backName == null || backName.isBlank() ? hostAndProcess() : backName.strip();
        if (!backName.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("paygate.network-desk.back-name is 1 to 64 of A-Z a-z 0-9 . _ -: " + backName);
        }
    }

    private static String hostAndProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "back";
        }
        String name = host.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + ProcessHandle.current().pid();
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }
}
