package dev.paygate.routes.network;

import java.time.Duration;

/**
 * What a {@link CardLinkAdaptor} tells the back unit about its link. Called on jPOS's sender and receiver
 * threads: an implementation returns at once and hands anything slow (a sign-on) to a thread of its own.
 */
public interface LinkListener {

    /** A new connection is up (numbered {@code connection}); nothing but 0800s may go until it is signed on. */
    default void linkUp(String network, long connection) {
    }

    /** The network accepted our sign-on on {@code connection}: payments may go. */
    default void signedOn(String network, long connection) {
    }

    /** The connection is gone; the next attempt is due in {@code retryIn}. */
    default void linkDown(String network, LinkLoss loss, String detail, Duration retryIn) {
    }

    /** A connection attempt failed; {@code failures} counts every failure since the last sign-on. */
    default void connectFailed(String network, int failures, String detail, Duration retryIn) {
    }

    /** A frame from the network could not be read; {@code detail} is masked. The link is dropped after it. */
    default void frameUnreadable(String network, String detail) {
    }
}
