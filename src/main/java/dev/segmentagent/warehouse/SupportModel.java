package dev.segmentagent.warehouse;

import java.util.SplittableRandom;

import static dev.segmentagent.warehouse.CustomerBatch.NONE;
import static dev.segmentagent.warehouse.DemoTime.DAY;
import static dev.segmentagent.warehouse.DemoTime.HOUR;
import static dev.segmentagent.warehouse.SeededRandom.chance;
import static dev.segmentagent.warehouse.SeededRandom.pick;

/** Support tickets: mostly about an order (returns above all), a few about the account. */
final class SupportModel {

    private static final String[] ORDER_TOPICS = {"delivery", "product", "payment", "return"};
    private static final double[] ORDER_TOPIC_CUMULATIVE = SeededRandom.cumulative(45, 25, 15, 15);
    private static final String[] CHANNELS = {"email", "chat", "phone"};
    private static final double[] CHANNEL_CUMULATIVE = SeededRandom.cumulative(40, 40, 20);
    private static final double[] HAPPY_CUMULATIVE = SeededRandom.cumulative(10, 10, 15, 30, 35);
    private static final double[] UNHAPPY_CUMULATIVE = SeededRandom.cumulative(45, 25, 15, 10, 5);

    private final long asOf;

    SupportModel(GeneratorOptions options) {
        this.asOf = options.asOf().getEpochSecond();
    }

    void tickets(CustomerProfile profile, CustomerBatch batch, int firstOrder, SplittableRandom random) {
        for (int i = firstOrder; i < batch.orders.size(); i++) {
            CustomerBatch.OrderRow order = batch.orders.get(i);
            boolean returned = "returned".equals(order.status());
            if (!chance(random, returned ? 0.35 : 0.04)) {
                continue;
            }
            String topic = returned ? "return" : ORDER_TOPICS[pick(random, ORDER_TOPIC_CUMULATIVE)];
            ticket(profile, order.orderedAt() + DAY + random.nextInt((int) (13 * DAY)), topic, random, batch);
        }
        if (chance(random, 0.03)) {
            long opened = profile.signupAt() + (long) ((asOf - profile.signupAt()) * random.nextDouble());
            ticket(profile, opened, "account", random, batch);
        }
    }

    private void ticket(CustomerProfile profile, long opened, String topic, SplittableRandom random,
                        CustomerBatch batch) {
        if (opened >= asOf) {
            return;
        }
        long resolved = chance(random, 0.96) ? opened + 600 + (long) SeededRandom.exponential(random, 20 * HOUR) : NONE;
        if (resolved >= asOf) {
            resolved = NONE;
        }
        Integer satisfaction = null;
        if (chance(random, 0.6)) {
            satisfaction = 1 + pick(random, resolved != NONE ? HAPPY_CUMULATIVE : UNHAPPY_CUMULATIVE);
        }
        batch.tickets.add(new CustomerBatch.TicketRow(profile.customerId(), opened, resolved, topic,
                CHANNELS[pick(random, CHANNEL_CUMULATIVE)], satisfaction));
    }
}
