package dev.segmentagent.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/** Prints per-persona statistics; run by hand with -Dprobe=true while tuning the generator. */
class DemoDataStatsProbe {

    @Test
    @EnabledIfSystemProperty(named = "probe", matches = "true")
    void print_persona_statistics() throws Exception {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory()) {
            GenerationReport report = new DemoDataGenerator().generate(warehouse,
                    GeneratorOptions.defaults(42).withCustomers(Integer.getInteger("customers", 5_000)), ProgressReporter.silent());
            System.out.println(report);
            print(warehouse, """
                    SELECT persona, count(*) n, avg(churned::INT) churn,
                      avg(o) orders, avg(ev) events, avg(pv) pviews, avg(em) emails, avg(aov) aov,
                      sum(wk_o) / sum(o) wk_orders, sum(wk_s) / sum(s) wk_sessions
                    FROM planted_personas p
                    LEFT JOIN (SELECT customer_id, count(*) o, avg(net_amount) aov,
                        count(*) FILTER (dayofweek(ordered_at) IN (0, 6)) wk_o FROM orders GROUP BY 1) USING (customer_id)
                    LEFT JOIN (SELECT customer_id, count(*) ev, count(*) FILTER (event_type = 'product_view') pv,
                        count(*) FILTER (event_type = 'session_start') s,
                        count(*) FILTER (event_type = 'session_start' AND dayofweek(occurred_at) IN (0, 6)) wk_s
                        FROM web_events GROUP BY 1) USING (customer_id)
                    LEFT JOIN (SELECT customer_id, count(*) em FROM email_messages GROUP BY 1) USING (customer_id)
                    GROUP BY persona ORDER BY persona
                    """);
            print(warehouse, "SELECT event_type, count(*) FROM web_events GROUP BY 1 ORDER BY 2 DESC");
            print(warehouse, "SELECT loyalty_tier, count(*) FROM customers GROUP BY 1 ORDER BY 2 DESC");
            print(warehouse, "SELECT p.persona, c.loyalty_tier, count(*) FROM customers c JOIN planted_personas p USING (customer_id) GROUP BY ALL ORDER BY 1, 2");
            print(warehouse, "SELECT status, count(*) FROM orders GROUP BY 1");
        }
    }

    private static void print(DuckDbWarehouse warehouse, String sql) throws Exception {
        try (Connection c = warehouse.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    out.append(v instanceof Double d ? String.format("%.2f", d) : v).append('\t');
                }
                out.append('\n');
            }
            System.out.println(out);
        }
    }
}
