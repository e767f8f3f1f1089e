package dev.segmentagent.catalog;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldProfilerTest {

    DuckDbWarehouse warehouse;
    Catalog catalog;
    Map<String, FieldProfile> profiles;

    @BeforeEach
    void given_built_features() {
        catalog = new CatalogLoader().load(CatalogFixtures.CATALOG_DIR);
        warehouse = CatalogFixtures.warehouse();
        new FeatureBuilder().build(warehouse, catalog, CatalogFixtures.AS_OF);
        profiles = new FieldProfiler().profile(warehouse, catalog);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void profiles_every_field_of_the_catalog() {
        assertThat(profiles).hasSize(catalog.fields().size());
    }

    @Test
    void null_rate_distinct_and_range_equal_direct_sql() throws SQLException {
        for (String name : new String[]{"aov_365d", "orders_30d", "days_since_last_order", "last_order_at", "age"}) {
            FieldProfile profile = profiles.get(name);
            Object[] direct = row("SELECT count(*), count(" + name + "), count(DISTINCT " + name + "), min(" + name + "), max(" + name
                    + ") FROM customer_features");
            long rows = (Long) direct[0];
            assertThat(profile.rows()).as(name).isEqualTo(rows);
            assertThat(profile.nonNull()).as(name).isEqualTo(direct[1]);
            assertThat(profile.nullRate()).as(name).isEqualTo((double) (rows - (Long) direct[1]) / rows);
            assertThat(profile.distinct()).as(name).isEqualTo(direct[2]);
            assertThat(profile.min()).as(name).isEqualTo(plain(direct[3]));
            assertThat(profile.max()).as(name).isEqualTo(plain(direct[4]));
        }
        // by hand: aov_365d is 95 (Ana), null (Ben), 45 (Dee)
        FieldProfile aov = profiles.get("aov_365d");
        assertThat(aov.nullRate()).isEqualTo(1.0 / 3);
        assertThat(aov.min()).isEqualTo(45.0);
        assertThat(aov.max()).isEqualTo(95.0);
    }

    @Test
    void top_values_of_categorical_fields_are_counted_most_frequent_first() {
        assertThat(profiles.get("gender").topValues()).containsExactly(
                new FieldProfile.ValueCount("female", 2), new FieldProfile.ValueCount("male", 1));
        assertThat(profiles.get("email_consent").topValues()).containsExactly(
                new FieldProfile.ValueCount("true", 2), new FieldProfile.ValueCount("false", 1));
        // null values are not a value: Ben never bought
        assertThat(profiles.get("preferred_order_channel").topValues()).containsExactly(
                new FieldProfile.ValueCount("app", 1), new FieldProfile.ValueCount("web", 1));
        assertThat(profiles.get("orders_30d").topValues()).isEmpty(); // numeric: a range, not values
    }

    @Test
    void personal_data_gets_counts_but_never_values_or_ranges() {
        FieldProfile email = profiles.get("email");
        assertThat(email.nonNull()).isEqualTo(3);
        assertThat(email.topValues()).isEmpty();
        FieldProfile birthDate = profiles.get("birth_date");
        assertThat(birthDate.min()).isNull();
        assertThat(birthDate.max()).isNull();
    }

    /** JDBC timestamps as the profile reports them (ISO local date-time); numbers as they are. */
    private static Object plain(Object value) {
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime().toString() : value;
    }

    private Object[] row(String sql) throws SQLException {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            Object[] values = new Object[rows.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.getObject(i + 1);
            }
            return values;
        }
    }
}
