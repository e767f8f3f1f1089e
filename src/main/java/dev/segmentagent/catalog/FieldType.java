package dev.segmentagent.catalog;

/** The value type of a catalog field, which decides the operators a condition may use on it. */
public enum FieldType {
    INTEGER, DECIMAL, STRING, ENUM, BOOLEAN, DATE, TIMESTAMP;

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP;
    }
}
