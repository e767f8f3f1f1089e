package dev.segmentagent.warehouse;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.segmentagent.warehouse.CustomerBatch.NONE;

/**
 * Appends batches to the warehouse through DuckDB appenders (bulk, columnar; row-by-row INSERT is two
 * orders of magnitude slower) and numbers orders, sessions, events and messages densely from 1 in the
 * order batches arrive, which the generator keeps equal to customer order.
 */
final class BatchLoader implements AutoCloseable {

    private final DuckDBAppender customers;
    private final DuckDBAppender orders;
    private final DuckDBAppender items;
    private final DuckDBAppender events;
    private final DuckDBAppender emails;
    private final DuckDBAppender sms;
    private final DuckDBAppender tickets;
    private final DuckDBAppender personas;
    private final List<DuckDBAppender> all = new ArrayList<>();

    private long orderIds;
    private long sessionIds;
    private long eventIds;
    private long itemRows;
    private long emailIds;
    private long smsIds;
    private long ticketIds;
    private long customerRows;

    BatchLoader(DuckDBConnection connection) throws SQLException {
        customers = open(connection, "customers");
        orders = open(connection, "orders");
        items = open(connection, "order_items");
        events = open(connection, "web_events");
        emails = open(connection, "email_messages");
        sms = open(connection, "sms_messages");
        tickets = open(connection, "support_tickets");
        personas = open(connection, "planted_personas");
    }

    private DuckDBAppender open(DuckDBConnection connection, String table) throws SQLException {
        DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
        all.add(appender);
        return appender;
    }

    void append(CustomerBatch batch) throws SQLException {
        for (CustomerBatch.CustomerRow c : batch.customers) {
            customers.beginRow().append(c.customerId()).append(c.email());
            text(customers, c.phone()).append(c.firstName()).append(c.lastName())
                    .appendEpochDays((int) c.birthEpochDay()).append(c.gender()).append(c.country()).append(c.city());
            time(customers, c.signupAt()).append(c.signupChannel()).append(c.acquisitionSource())
                    .append(c.emailConsent()).append(c.smsConsent()).append(c.pushConsent()).append(c.loyaltyTier())
                    .endRow();
        }
        customerRows += batch.customers.size();

        long orderBase = orderIds;
        for (CustomerBatch.OrderRow o : batch.orders) {
            orders.beginRow().append(++orderIds).append(o.customerId());
            time(orders, o.orderedAt()).append(o.channel()).append(o.status())
                    .append(o.grossCents() / 100.0).append(o.discountCents() / 100.0).append(o.netCents() / 100.0)
                    .append(o.itemCount());
            text(orders, o.couponCode()).endRow();
        }
        for (CustomerBatch.ItemRow i : batch.items) {
            items.beginRow().append(orderBase + i.orderIndex() + 1).append(i.lineNo()).append(i.customerId());
            time(items, i.orderedAt()).append(i.productId()).append(i.category()).append(i.brandTier())
                    .append(i.unitPriceCents() / 100.0).append(i.quantity()).append(i.discountPct()).endRow();
        }
        itemRows += batch.items.size();

        long sessionBase = sessionIds;
        for (CustomerBatch.EventRow e : batch.events) {
            events.beginRow().append(++eventIds).append(e.customerId());
            time(events, e.occurredAt()).append(e.eventType()).append(e.platform());
            text(events, e.category());
            text(events, e.productId());
            text(events, e.searchTerm()).append(sessionBase + e.sessionIndex() + 1).endRow();
        }
        sessionIds += batch.sessionCount();

        for (CustomerBatch.EmailRow m : batch.emails) {
            emails.beginRow().append(++emailIds).append(m.customerId()).append(m.campaignId()).append(m.campaignType());
            time(emails, m.sentAt());
            time(emails, m.openedAt());
            time(emails, m.clickedAt());
            time(emails, m.unsubscribedAt()).endRow();
        }
        for (CustomerBatch.SmsRow m : batch.sms) {
            sms.beginRow().append(++smsIds).append(m.customerId()).append(m.campaignId()).append(m.campaignType());
            time(sms, m.sentAt());
            time(sms, m.clickedAt());
            time(sms, m.optedOutAt()).endRow();
        }
        for (CustomerBatch.TicketRow t : batch.tickets) {
            tickets.beginRow().append(++ticketIds).append(t.customerId());
            time(tickets, t.openedAt());
            time(tickets, t.resolvedAt()).append(t.topic()).append(t.channel());
            if (t.satisfaction() == null) {
                tickets.appendNull();
            } else {
                tickets.append(t.satisfaction().intValue());
            }
            tickets.endRow();
        }
        for (CustomerBatch.PersonaRow p : batch.personas) {
            personas.beginRow().append(p.customerId()).append(p.persona()).append(p.churned());
            time(personas, p.churnedAt()).endRow();
        }
    }

    private static DuckDBAppender time(DuckDBAppender appender, long epochSecond) throws SQLException {
        return epochSecond == NONE ? appender.appendNull() : appender.appendEpochMicros(epochSecond * 1_000_000L);
    }

    private static DuckDBAppender text(DuckDBAppender appender, String value) throws SQLException {
        return value == null ? appender.appendNull() : appender.append(value);
    }

    /** Rows appended per table, in load order. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("customers", customerRows);
        counts.put("orders", orderIds);
        counts.put("order_items", itemRows);
        counts.put("web_events", eventIds);
        counts.put("email_messages", emailIds);
        counts.put("sms_messages", smsIds);
        counts.put("support_tickets", ticketIds);
        counts.put("planted_personas", customerRows);
        return counts;
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (DuckDBAppender appender : all) {
            try {
                appender.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
