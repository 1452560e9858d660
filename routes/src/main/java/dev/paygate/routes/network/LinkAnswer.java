package dev.paygate.routes.network;

import org.jpos.iso.ISOMsg;

/** How a request on a {@link CardLink} ended. */
public sealed interface LinkAnswer {

    LinkAnswer UNANSWERED = new Unanswered();
    LinkAnswer LINK_LOST = new LinkLost();
    LinkAnswer NOT_SENT = new NotSent();

    /** The network's answer, matched to the request on DE 41 and DE 11. */
    record Answered(ISOMsg message) implements LinkAnswer {
    }

    /** The request went out and nothing came back within its timeout. */
    record Unanswered() implements LinkAnswer {
    }

    /** The link went down while the request waited: it may or may not have reached the network. */
    record LinkLost() implements LinkAnswer {
    }

    /** Nothing went out: the link was down, or not signed on for anything but an 0800. */
    record NotSent() implements LinkAnswer {
    }
}
