package dev.segmentagent.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/** Rolling back after a failure without losing why it failed. */
public final class Rollback {

    private Rollback() {
    }

    /**
     * Rolls back; a failed commit (e.g. on a full disk) has already ended the transaction, and the rollback's own
     * error ("no transaction is active") would otherwise replace the real cause, so it is only attached to it.
     */
    public static void keepingCause(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
