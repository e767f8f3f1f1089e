package dev.segmentagent.warehouse;

import java.util.SplittableRandom;

import static dev.segmentagent.warehouse.SeededRandom.chance;
import static dev.segmentagent.warehouse.SeededRandom.pick;

/**
 * What is in an order and what it costs. Prices are whole cents so that net = gross - discount holds
 * exactly; every line carries the order's discount rate.
 */
final class BasketModel {

    private static final double[] LINE_COUNT_CUMULATIVE = SeededRandom.cumulative(55, 25, 12, 5, 3);
    private static final double[] QUANTITY_CUMULATIVE = SeededRandom.cumulative(80, 15, 5);
    private static final double[] STATUS_CUMULATIVE = SeededRandom.cumulative(88, 7, 5);
    private static final double[] LOYAL_STATUS_CUMULATIVE = SeededRandom.cumulative(95, 3.5, 1.5);
    private static final String[] STATUSES = {"completed", "returned", "cancelled"};
    private static final int GROCERY = 7;

    /** Writes one order and its lines into the batch; returns the first line (the product the session shows). */
    CustomerBatch.ItemRow addOrder(CustomerProfile profile, long orderedAt, String channel, SplittableRandom random,
                  CustomerBatch batch) {
        Persona persona = profile.persona();
        int lines = 1 + pick(random, LINE_COUNT_CUMULATIVE);
        boolean discounted = chance(random, persona.discountedShare());
        int step = discounted ? discountStep(persona, random) : -1;
        double pct = discounted ? DemoVocabulary.DISCOUNT_STEPS[step] : 0.0;
        String status = persona == Persona.ONE_TIME_BUYER
                ? "completed"
                : STATUSES[pick(random, persona == Persona.PREMIUM_LOYALIST ? LOYAL_STATUS_CUMULATIVE : STATUS_CUMULATIVE)];

        // The order's index is known before its lines: the loader numbers orders by position.
        int orderIndex = batch.orders.size();
        long gross = 0;
        int units = 0;
        CustomerBatch.ItemRow first = null;
        for (int line = 1; line <= lines; line++) {
            int category = category(profile, random);
            int tier = pick(random, persona.brandTierCumulative());
            int product = random.nextInt(DemoVocabulary.PRODUCTS_PER_TIER);
            long unitCents = unitPriceCents(category, tier, product);
            int quantity = category == GROCERY ? 1 + random.nextInt(4) : 1 + pick(random, QUANTITY_CUMULATIVE);
            gross += unitCents * quantity;
            units += quantity;
            CustomerBatch.ItemRow item = new CustomerBatch.ItemRow(orderIndex, line, profile.customerId(), orderedAt,
                    DemoVocabulary.productId(category, tier, product), DemoVocabulary.CATEGORIES[category],
                    DemoVocabulary.BRAND_TIERS[tier], unitCents, quantity, pct);
            batch.items.add(item);
            first = first == null ? item : first;
        }
        long discount = Math.round(gross * pct);
        // item_count counts units (sum of quantities), as a marketer means "bought 3 items".
        batch.addOrder(new CustomerBatch.OrderRow(profile.customerId(), orderedAt, channel, status, gross, discount,
                units, discounted ? DemoVocabulary.coupon(step) : null));
        return first;
    }

    /** The category of one line: mostly the customer's two favourites, otherwise the shop's overall mix. */
    static int category(CustomerProfile profile, SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.4) {
            return profile.favouriteCategory();
        }
        if (u < 0.6) {
            return profile.secondCategory();
        }
        return pick(random, DemoVocabulary.CATEGORY_CUMULATIVE);
    }

    /**
     * A product's list price is fixed by its id (category, tier, number), so the same product costs the same
     * in every order; .99 endings for realism.
     */
    static long unitPriceCents(int category, int tier, int product) {
        double spread = 0.6 + 0.8 * ((product * 37) % DemoVocabulary.PRODUCTS_PER_TIER)
                / (double) DemoVocabulary.PRODUCTS_PER_TIER;
        double euros = DemoVocabulary.CATEGORY_BASE_PRICE[category] * DemoVocabulary.BRAND_TIER_PRICE_FACTOR[tier] * spread;
        return Math.max(1, Math.round(euros)) * 100 - 1;
    }

    private static int discountStep(Persona persona, SplittableRandom random) {
        // Bargain hunters take the deeper discounts.
        return persona == Persona.DISCOUNT_ONLY ? 1 + random.nextInt(4) : random.nextInt(3);
    }
}
