package dev.segmentagent.catalog;

import dev.segmentagent.warehouse.DuckDbWarehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Small hand-made warehouse rows whose feature values are worked out by hand in the tests.
 * As of 2025-06-01T00:00Z (a Sunday). Customer 1 is active, 2 is new with no behaviour, 3 signs up after
 * as-of (so is not a customer yet), 4 has a tied channel mix.
 */
public final class CatalogFixtures {

    public static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");
    public static final Path CATALOG_DIR = Path.of("schema-catalog");

    private CatalogFixtures() {
    }

    public static DuckDbWarehouse warehouse() {
        DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory();
        try (Connection connection = warehouse.connection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO customers VALUES
                    (1, 'ana@example.com', '+4915100000001', 'Ana', 'Alves', DATE '1990-06-15', 'female', 'DE', 'Berlin',
                        TIMESTAMP '2024-01-10 09:00:00', 'web', 'organic', true, false, true, 'gold'),
                    (2, 'ben@example.com', NULL, 'Ben', 'Brandt', NULL, 'male', 'FR', 'Paris',
                        TIMESTAMP '2025-05-01 00:00:00', 'app', 'paid_social', false, true, false, 'none'),
                    (3, 'cy@example.com', NULL, 'Cy', 'Claes', DATE '2000-01-01', 'other', 'NL', 'Utrecht',
                        TIMESTAMP '2025-07-01 00:00:00', 'store', 'referral', true, true, true, 'none'),
                    (4, 'dee@example.com', NULL, 'Dee', 'Dorn', DATE '1985-06-01', 'female', 'DE', 'Hamburg',
                        TIMESTAMP '2023-03-03 00:00:00', 'web', 'email', true, true, false, 'silver')
                    """);
            // order_id, customer, ordered_at, channel, status, gross, discount, net, item_count, coupon
            sql.execute("""
                    INSERT INTO orders VALUES
                    (11, 1, TIMESTAMP '2025-05-31 10:00:00', 'web',   'completed', 120, 20, 100, 2, 'SAVE20'),
                    (12, 1, TIMESTAMP '2025-05-25 12:00:00', 'app',   'completed',  50,  0,  50, 1, NULL),
                    (13, 1, TIMESTAMP '2025-04-15 09:00:00', 'web',   'completed',  30,  0,  30, 3, NULL),
                    (14, 1, TIMESTAMP '2025-05-20 09:00:00', 'web',   'returned',   80,  0,  80, 1, NULL),
                    (15, 1, TIMESTAMP '2024-12-01 15:00:00', 'store', 'completed', 200,  0, 200, 4, NULL),
                    (16, 1, TIMESTAMP '2025-06-02 10:00:00', 'web',   'completed', 999,  0, 999, 9, NULL),
                    (41, 4, TIMESTAMP '2025-05-20 12:00:00', 'web',   'completed',  40,  0,  40, 1, NULL),
                    (42, 4, TIMESTAMP '2025-05-10 12:00:00', 'app',   'completed',  60, 10,  50, 1, 'WELCOME')
                    """);
            // order_id, line, customer, ordered_at, product, category, brand_tier, unit_price, quantity, discount_pct
            sql.execute("""
                    INSERT INTO order_items VALUES
                    (11, 1, 1, TIMESTAMP '2025-05-31 10:00:00', 'p1', 'shoes',  'premium', 60, 2, 0.1),
                    (12, 1, 1, TIMESTAMP '2025-05-25 12:00:00', 'p2', 'beauty', 'value',   50, 1, 0.0),
                    (13, 1, 1, TIMESTAMP '2025-04-15 09:00:00', 'p3', 'books',  'standard',10, 3, 0.0),
                    (41, 1, 4, TIMESTAMP '2025-05-20 12:00:00', 'p1', 'shoes',  'premium', 40, 1, 0.0)
                    """);
            // event_id, customer, occurred_at, type, platform, category, product, search_term, session
            sql.execute("""
                    INSERT INTO web_events VALUES
                    (101, 1, TIMESTAMP '2025-05-31 08:00:00', 'session_start', 'web', NULL, NULL, NULL, 1),
                    (102, 1, TIMESTAMP '2025-05-28 20:00:00', 'session_start', 'ios', NULL, NULL, NULL, 2),
                    (103, 1, TIMESTAMP '2025-05-24 11:00:00', 'session_start', 'ios', NULL, NULL, NULL, 3),
                    (104, 1, TIMESTAMP '2025-05-24 11:05:00', 'product_view',  'ios', 'shoes',  'p1', NULL, 3),
                    (105, 1, TIMESTAMP '2025-05-24 11:06:00', 'product_view',  'ios', 'shoes',  'p1', NULL, 3),
                    (106, 1, TIMESTAMP '2025-05-28 20:05:00', 'product_view',  'ios', 'beauty', 'p2', NULL, 2),
                    (107, 1, TIMESTAMP '2025-05-28 20:06:00', 'product_view',  'ios', 'beauty', 'p9', NULL, 2),
                    (108, 1, TIMESTAMP '2025-05-28 20:07:00', 'add_to_cart',   'ios', 'beauty', 'p2', NULL, 2)
                    """);
            // message_id, customer, campaign, type, sent_at, opened_at, clicked_at, unsubscribed_at
            sql.execute("""
                    INSERT INTO email_messages VALUES
                    (201, 1, 'c1', 'newsletter', TIMESTAMP '2025-05-20 08:00:00', TIMESTAMP '2025-05-21 08:00:00', NULL, NULL),
                    (202, 1, 'c2', 'promotion',  TIMESTAMP '2025-05-10 08:00:00', NULL, NULL, NULL),
                    (203, 1, 'c3', 'promotion',  TIMESTAMP '2025-04-01 08:00:00', TIMESTAMP '2025-04-02 08:00:00',
                         TIMESTAMP '2025-04-02 08:01:00', NULL)
                    """);
            sql.execute("""
                    INSERT INTO support_tickets VALUES
                    (301, 1, TIMESTAMP '2025-05-01 10:00:00', TIMESTAMP '2025-05-02 10:00:00', 'delivery', 'chat', 2),
                    (302, 1, TIMESTAMP '2025-03-01 10:00:00', NULL, 'return', 'email', 5),
                    (303, 1, TIMESTAMP '2025-02-01 10:00:00', TIMESTAMP '2025-02-01 12:00:00', 'payment', 'phone', NULL)
                    """);
        } catch (SQLException e) {
            warehouse.close();
            throw new IllegalStateException("fixture rows did not insert: " + e.getMessage(), e);
        }
        return warehouse;
    }
}
