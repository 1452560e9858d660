package dev.paygate.gateway.operator;

import dev.paygate.routes.network.CardNetworks;

/**
 * One card network link as the console shows it. Times are ISO-8601 UTC instants, null when never seen.
 *
 * @param connected        the channel's TCP connection is up
 * @param signedOn         the last 0800 sign-on was answered
 * @param lastEchoAnswered the last 0800 echo test was answered
 */
record NetworkView(String name, boolean connected, boolean signedOn, String signedOnAt, String lastEchoAt,
                   boolean lastEchoAnswered) {

    static NetworkView of(String name, boolean connected, CardNetworks.NetworkState state) {
        return new NetworkView(name, connected, state.signedOn(), OperatorTimes.text(state.signedOnAt()),
                OperatorTimes.text(state.lastEchoAt()), state.lastEchoAnswered());
    }
}
