package dev.segmentagent.warehouse;

import java.util.SplittableRandom;

import static dev.segmentagent.warehouse.CustomerBatch.NONE;
import static dev.segmentagent.warehouse.DemoTime.DAY;

/**
 * Builds every row of one customer from that customer's own random stream, so the result depends only on
 * (seed, options, customer id): never on threads or on the order customers are built in.
 */
final class CustomerSimulator {

    private static final double TRACKED_PURCHASE_SESSIONS = 0.7;

    private final long seed;
    private final long asOf;
    private final ProfileFactory profiles;
    private final PurchaseTimeline timeline;
    private final BasketModel baskets = new BasketModel();
    private final SessionModel sessions;
    private final MessagingModel messaging;
    private final SupportModel support;

    CustomerSimulator(GeneratorOptions options, CampaignCalendar calendar) {
        this.seed = options.seed();
        this.asOf = options.asOf().getEpochSecond();
        this.profiles = new ProfileFactory(options);
        this.timeline = new PurchaseTimeline(options);
        this.sessions = new SessionModel(options);
        this.messaging = new MessagingModel(calendar, options);
        this.support = new SupportModel(options);
    }

    /** All rows of customers firstId (inclusive) to endId (exclusive). */
    CustomerBatch simulate(long firstId, long endId) {
        CustomerBatch batch = new CustomerBatch();
        for (long id = firstId; id < endId; id++) {
            simulate(id, batch);
        }
        return batch;
    }

    private void simulate(long customerId, CustomerBatch batch) {
        SplittableRandom random = SeededRandom.forCustomer(seed, customerId);
        CustomerProfile profile = profiles.draw(customerId, random);
        long[] orderTimes = timeline.orderTimes(profile, random);
        if (profile.churns() && orderTimes.length == 0) {
            // Someone who never bought cannot stop buying: keep them as an ordinary customer.
            profile = profile.withChurn(NONE, NONE);
            orderTimes = timeline.orderTimes(profile, random);
        }

        int firstOrder = batch.orders.size();
        long spendLastYear = 0;
        for (long orderedAt : orderTimes) {
            String channel = DemoVocabulary.ORDER_CHANNELS[SeededRandom.pick(random, profile.orderChannelCumulative())];
            CustomerBatch.ItemRow shown = baskets.addOrder(profile, orderedAt, channel, random, batch);
            // Only logged-in sessions are attributed to a customer; about a third of online orders start
            // from an anonymous session and leave no web events on the customer.
            if (!"store".equals(channel) && SeededRandom.chance(random, TRACKED_PURCHASE_SESSIONS)) {
                sessions.purchaseSession(profile, orderedAt, channel, shown.productId(), shown.category(), random, batch);
            }
            CustomerBatch.OrderRow order = batch.orders.get(batch.orders.size() - 1);
            if ("completed".equals(order.status()) && orderedAt >= asOf - 365 * DAY) {
                spendLastYear += order.netCents();
            }
        }
        sessions.browsingSessions(profile, random, batch);
        messaging.emails(profile, orderTimes, random, batch);
        messaging.sms(profile, orderTimes, random, batch);
        support.tickets(profile, batch, firstOrder, random);

        batch.customers.add(customerRow(profile, LoyaltyTiers.tierFor(profile.persona(), spendLastYear)));
        long churnedAt = profile.churns() ? orderTimes[orderTimes.length - 1] : NONE;
        batch.personas.add(new CustomerBatch.PersonaRow(customerId, profile.persona().code(), profile.churns(), churnedAt));
    }

    private static CustomerBatch.CustomerRow customerRow(CustomerProfile p, String loyaltyTier) {
        return new CustomerBatch.CustomerRow(p.customerId(), DemoVocabulary.email(p.firstName(), p.lastName(), p.customerId()),
                p.phone(), p.firstName(), p.lastName(), p.birthEpochDay(), p.gender(),
                DemoVocabulary.COUNTRIES[p.country()], p.city(), p.signupAt(), p.signupChannel(), p.acquisitionSource(),
                p.emailConsent(), p.smsConsent(), p.pushConsent(), loyaltyTier);
    }
}
