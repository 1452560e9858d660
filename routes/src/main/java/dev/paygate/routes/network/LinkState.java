package dev.paygate.routes.network;

/** Where a card network link stands. Only a signed-on link carries payments; 0800s need a connection only. */
public enum LinkState {

    /** No TCP connection; the next attempt waits out the back-off. */
    DOWN,
    /** Connected, not (yet) signed on: sign-on is under way, failed, or an operator signed off. */
    CONNECTED,
    /** Connected and the network accepted our 0800 sign-on on this connection. */
    SIGNED_ON
}
