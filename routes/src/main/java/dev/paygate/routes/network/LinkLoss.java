package dev.paygate.routes.network;

import java.util.Locale;

/** Why a card network link went down; the {@code reason} tag of {@code paygate.card.network.link.down}. */
public enum LinkLoss {

    /** The network closed the connection (end of stream). */
    CLOSED_BY_NETWORK,
    /** A frame arrived that could not be read (bad length, or a message that does not unpack). */
    UNREADABLE_FRAME,
    /** Nothing arrived for the channel's read timeout. */
    READ_TIMEOUT,
    /** The connection failed underneath (reset, broken pipe). */
    IO_ERROR,
    /** A message could not be written to the connection. */
    SEND_FAILED,
    /** The network refused or did not answer our 0800 sign-on: we drop the link and try again later. */
    SIGN_ON_FAILED,
    /** The network refused or did not answer an 0800 echo test: the link no longer carries answers. */
    ECHO_FAILED,
    /** The back unit is stopping. */
    STOPPED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
