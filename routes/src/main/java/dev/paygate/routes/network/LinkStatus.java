package dev.paygate.routes.network;

import java.time.Instant;

/**
 * One link as its {@link CardLinkAdaptor} sees it.
 *
 * @param stateSince          when it entered {@code state}
 * @param signedOnAt          the last accepted sign-on, null before the first
 * @param connection          how many connections this link has had; the current one when not down
 * @param failuresSinceSignOn failed connection attempts and lost connections since the last sign-on: the
 *                            back-off's step
 * @param nextAttemptAt       when a down link tries again, null when up
 */
public record LinkStatus(LinkState state, Instant stateSince, Instant signedOnAt, long connection,
                         int failuresSinceSignOn, Instant nextAttemptAt) {
}
