package dev.paygate.routes.network;

/**
 * One network's link as one back unit sees it, for operators.
 *
 * @param inFlight            requests sent and waiting for their answer
 * @param lastEcho            the last echo test, null before the first
 * @param signedOffByOperator an operator signed off; the link signs on again only when an operator asks
 * @param lastOperatorAction  the last sign-on, sign-off or echo an operator asked for here, null if none
 */
public record LinkView(String network, LinkStatus link, int inFlight, ManagementResult lastEcho,
                       boolean signedOffByOperator, OperatorAction lastOperatorAction) {

    public record OperatorAction(String operator, ManagementResult result) {
    }
}
