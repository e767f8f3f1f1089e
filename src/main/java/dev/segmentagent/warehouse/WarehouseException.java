package dev.segmentagent.warehouse;

/** A warehouse (DuckDB) operation failed: file locked, disk full, bad SQL state. */
public class WarehouseException extends RuntimeException {
    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
