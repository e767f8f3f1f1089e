package dev.segmentagent.catalog;

/**
 * A warehouse relation the catalog may derive from. {@code grain} says what one row is;
 * {@code customerKey} is the column that links a row to its customer.
 */
public record TableSpec(String name, String description, String grain, String customerKey) {}
