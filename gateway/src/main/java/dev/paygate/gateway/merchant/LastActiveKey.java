package dev.paygate.gateway.merchant;

import dev.paygate.gateway.database.FrontSchema;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The rule signing keys and API keys share: one of the merchant's active keys may end unless it is the last, which
 * would leave the merchant without one. The active keys stay locked until the transaction ends, so two requests
 * cannot end the last two at once.
 */
final class LastActiveKey {

    private LastActiveKey() {
    }

    /**
     * @param lockActive     selects {@code FOR UPDATE} the ids of the merchant's active keys, given {@code :merchantId}
     * @param lastKeyMessage why the key stays, when it is the merchant's last active one
     * @param end            ends the key, in the same transaction
     * @return false when the merchant has no such active key
     * @throws IllegalStateException when it is the merchant's last active key
     */
    static boolean endUnlessLast(FrontSchema schema, String lockActive, String merchantId, String keyId,
                                 String lastKeyMessage, BooleanSupplier end) {
        return schema.inTransaction(status -> {
            List<String> active = schema.jdbc().sql(lockActive)
                    .param("merchantId", merchantId)
                    .query(String.class)
                    .list();
            if (!active.contains(keyId)) {
                return false;
            }
            if (active.size() == 1) {
                throw new IllegalStateException(lastKeyMessage);
            }
            return end.getAsBoolean();
        });
    }
}
