package dev.segmentagent.warehouse;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a contiguous range of customers, built by one worker thread and appended by the loader.
 *
 * <p>Rows carry no ids of their own: orders and sessions are numbered by their position in the batch and the
 * loader turns positions into global ids as it appends batches in customer order. That keeps ids dense and
 * identical for a seed, whichever thread built which batch. Times are epoch seconds (UTC); {@link #NONE}
 * marks an absent timestamp.
 */
final class CustomerBatch {

    static final long NONE = Long.MIN_VALUE;

    record CustomerRow(long customerId, String email, String phone, String firstName, String lastName,
                       long birthEpochDay, String gender, String country, String city, long signupAt,
                       String signupChannel, String acquisitionSource, boolean emailConsent, boolean smsConsent,
                       boolean pushConsent, String loyaltyTier) {
    }

    record OrderRow(long customerId, long orderedAt, String channel, String status, long grossCents,
                    long discountCents, int itemCount, String couponCode) {
        long netCents() {
            return grossCents - discountCents;
        }
    }

    record ItemRow(int orderIndex, int lineNo, long customerId, long orderedAt, String productId, String category,
                   String brandTier, long unitPriceCents, int quantity, double discountPct) {
    }

    record EventRow(long customerId, long occurredAt, String eventType, String platform, String category,
                    String productId, String searchTerm, int sessionIndex) {
    }

    record EmailRow(long customerId, String campaignId, String campaignType, long sentAt, long openedAt,
                    long clickedAt, long unsubscribedAt) {
    }

    record SmsRow(long customerId, String campaignId, String campaignType, long sentAt, long clickedAt,
                  long optedOutAt) {
    }

    record TicketRow(long customerId, long openedAt, long resolvedAt, String topic, String channel,
                     Integer satisfaction) {
    }

    record PersonaRow(long customerId, String persona, boolean churned, long churnedAt) {
    }

    final List<CustomerRow> customers = new ArrayList<>();
    final List<OrderRow> orders = new ArrayList<>();
    final List<ItemRow> items = new ArrayList<>();
    final List<EventRow> events = new ArrayList<>();
    final List<EmailRow> emails = new ArrayList<>();
    final List<SmsRow> sms = new ArrayList<>();
    final List<TicketRow> tickets = new ArrayList<>();
    final List<PersonaRow> personas = new ArrayList<>();
    private int sessions;

    /** Adds an order and returns its position, which its items refer to. */
    int addOrder(OrderRow order) {
        orders.add(order);
        return orders.size() - 1;
    }

    /** Opens a new web session and returns its position in this batch. */
    int newSession() {
        return sessions++;
    }

    int sessionCount() {
        return sessions;
    }
}
