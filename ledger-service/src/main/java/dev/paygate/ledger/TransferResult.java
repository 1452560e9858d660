package dev.paygate.ledger;

import java.util.Objects;

/** The outcome of a transfer: posted (now or by an earlier call with the same key) or refused. */
public sealed interface TransferResult {

    /** @param replayed true when the key had already been posted and this call moved nothing */
    record Posted(Transfer transfer, boolean replayed) implements TransferResult {
        public Posted {
            Objects.requireNonNull(transfer, "transfer");
        }
    }

    /** Nothing moved. */
    record Refused(RefusalReason reason) implements TransferResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
