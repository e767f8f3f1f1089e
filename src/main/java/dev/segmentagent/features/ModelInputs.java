package dev.segmentagent.features;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.Derivation;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which catalog fields a supervised model may learn from, and how a row of a feature table becomes numbers.
 *
 * <p>Inputs are every numeric, boolean and enum field that is not personal data and not a model output: a
 * model trained on another model's score (or its own) would learn from the future of the training cut-off.
 * Timestamps and dates are left out; their "days since" fields carry the same information relative to as-of.
 * Enums become one indicator per allowed value.
 */
final class ModelInputs {

    /** A column of the feature table and how it turns into one input. */
    record Input(String name, String column, FieldType type, String enumValue) {}

    private final List<Input> inputs;

    private ModelInputs(List<Input> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    static ModelInputs of(Catalog catalog) {
        List<Input> inputs = new ArrayList<>();
        for (FieldSpec field : catalog.fields()) {
            if (field.pii() || field.derivation() instanceof Derivation.ModelOutput || field.deprecated()) {
                continue;
            }
            switch (field.type()) {
                case INTEGER, DECIMAL, BOOLEAN -> inputs.add(new Input(field.name(), field.name(), field.type(), null));
                case ENUM -> {
                    for (String value : field.allowedValues()) {
                        inputs.add(new Input(field.name() + "=" + value, field.name(), field.type(), value));
                    }
                }
                default -> { }
            }
        }
        return new ModelInputs(inputs);
    }

    List<String> names() {
        return inputs.stream().map(Input::name).toList();
    }

    /** The distinct feature-table columns the inputs read, in order. */
    List<String> columns() {
        return inputs.stream().map(Input::column).distinct().toList();
    }

    /**
     * A reader bound to one result set: column positions are looked up once, not per row and input (by-name
     * look-ups over ~130 columns were a large share of reading a million rows).
     */
    RowReader reader(ResultSet rows) throws SQLException {
        int[] index = new int[inputs.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = rows.findColumn(inputs.get(i).column());
        }
        return row -> {
            double[] values = new double[index.length];
            for (int i = 0; i < values.length; i++) {
                Input input = inputs.get(i);
                if (input.enumValue() != null) {
                    String value = row.getString(index[i]);
                    values[i] = value == null ? Double.NaN : (input.enumValue().equals(value) ? 1 : 0);
                } else if (input.type() == FieldType.BOOLEAN) {
                    boolean value = row.getBoolean(index[i]);
                    values[i] = row.wasNull() ? Double.NaN : (value ? 1 : 0);
                } else {
                    double value = row.getDouble(index[i]);
                    values[i] = row.wasNull() ? Double.NaN : value;
                }
            }
            return values;
        };
    }

    /** Reads one row's inputs from the result set it was made for. */
    interface RowReader {
        double[] read(ResultSet row) throws SQLException;
    }

    /** Reads the inputs of the current row; {@code columns()} must be selected under their own names. */
    double[] read(ResultSet row) throws SQLException {
        double[] values = new double[inputs.size()];
        for (int i = 0; i < values.length; i++) {
            Input input = inputs.get(i);
            Object value = row.getObject(input.column());
            if (input.enumValue() != null) {
                values[i] = value == null ? Double.NaN : (input.enumValue().equals(value.toString()) ? 1 : 0);
            } else if (value == null) {
                values[i] = Double.NaN;
            } else if (value instanceof Boolean b) {
                values[i] = b ? 1 : 0;
            } else {
                values[i] = ((Number) value).doubleValue();
            }
        }
        return values;
    }
}
