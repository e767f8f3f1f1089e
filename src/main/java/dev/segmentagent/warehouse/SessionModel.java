package dev.segmentagent.warehouse;

import java.util.SplittableRandom;

import static dev.segmentagent.warehouse.DemoTime.DAY;
import static dev.segmentagent.warehouse.DemoTime.HOUR;
import static dev.segmentagent.warehouse.SeededRandom.chance;
import static dev.segmentagent.warehouse.SeededRandom.pick;

/**
 * Web and app sessions: a purchase session before every online order, and browsing sessions at the
 * persona's rate. Every session opens with session_start; events follow seconds to minutes apart.
 */
final class SessionModel {

    private static final String SESSION_START = "session_start";
    private static final String PAGE_VIEW = "page_view";
    private static final String PRODUCT_VIEW = "product_view";
    private static final String SEARCH = "search";
    private static final String ADD_TO_CART = "add_to_cart";
    private static final String CHECKOUT_START = "checkout_start";

    private final long asOf;

    SessionModel(GeneratorOptions options) {
        this.asOf = options.asOf().getEpochSecond();
    }

    /** The session that ends in an online order: browse, put the product in the cart, check out. */
    void purchaseSession(CustomerProfile profile, long orderedAt, String orderChannel, String productId,
                         String category, SplittableRandom random, CustomerBatch batch) {
        String platform = "app".equals(orderChannel)
                ? (profile.preferredPlatform() == 0 ? DemoVocabulary.PLATFORMS[1 + random.nextInt(2)]
                        : DemoVocabulary.PLATFORMS[profile.preferredPlatform()])
                : "web";
        int session = batch.newSession();
        long checkout = orderedAt - 30 - random.nextInt(150);
        long t = Math.max(profile.signupAt(), checkout - 600 - random.nextInt(1200));
        long id = profile.customerId();
        batch.events.add(new CustomerBatch.EventRow(id, t, SESSION_START, platform, null, null, null, session));
        if (chance(random, 0.2)) {
            t += step(random);
            batch.events.add(new CustomerBatch.EventRow(id, t, SEARCH, platform, null, null,
                    DemoVocabulary.searchTerm(BasketModel.category(profile, random), random), session));
        }
        t += step(random);
        batch.events.add(new CustomerBatch.EventRow(id, t, PRODUCT_VIEW, platform, category, productId, null, session));
        t += step(random);
        batch.events.add(new CustomerBatch.EventRow(id, Math.min(t, checkout - 1), ADD_TO_CART, platform, category,
                productId, null, session));
        batch.events.add(new CustomerBatch.EventRow(id, checkout, CHECKOUT_START, platform, null, null, null, session));
    }

    /** Sessions without a purchase, at the persona's rate, fading with engagement and pulled to weekends. */
    void browsingSessions(CustomerProfile profile, SplittableRandom random, CustomerBatch batch) {
        double rate = profile.persona().browseSessionsPerYear() * profile.activity();
        double meanGapDays = 365.0 / rate;
        long latestStart = asOf - 2 * HOUR;
        long lastDay = DemoTime.dayOf(latestStart);
        double day = profile.signupAt() / (double) DAY + SeededRandom.exponential(random, meanGapDays / 2);
        double endDay = latestStart / (double) DAY;
        boolean weekender = profile.persona() == Persona.WEEKEND_SHOPPER;
        while (day < endDay) {
            long dayNumber = (long) Math.floor(day);
            day += SeededRandom.exponential(random, meanGapDays);
            if (random.nextDouble() >= profile.engagement(dayNumber * DAY)) {
                continue;
            }
            if (weekender && chance(random, PurchaseTimeline.WEEKEND_LOYALTY)) {
                dayNumber = DemoTime.weekendDayNear(dayNumber, lastDay, random);
            }
            long start = DemoTime.placeInDay(dayNumber, random);
            if (start < profile.signupAt() || start >= latestStart) {
                continue;
            }
            browse(profile, start, random, batch);
        }
    }

    private void browse(CustomerProfile profile, long start, SplittableRandom random, CustomerBatch batch) {
        boolean window = profile.persona() == Persona.WINDOW_SHOPPER;
        String platform = random.nextDouble() < 0.8
                ? DemoVocabulary.PLATFORMS[profile.preferredPlatform()]
                : DemoVocabulary.PLATFORMS[pick(random, DemoVocabulary.PLATFORM_CUMULATIVE)];
        int session = batch.newSession();
        long id = profile.customerId();
        long t = start;
        batch.events.add(new CustomerBatch.EventRow(id, t, SESSION_START, platform, null, null, null, session));
        // Window shoppers look at many products and fill carts they rarely check out.
        int actions = window ? 2 + random.nextInt(5) : 1 + random.nextInt(3);
        double cartChance = window ? 0.35 : 0.08;
        for (int i = 0; i < actions; i++) {
            t += step(random);
            double u = random.nextDouble();
            if (u < (window ? 0.15 : 0.30)) {
                batch.events.add(new CustomerBatch.EventRow(id, t, PAGE_VIEW, platform, null, null, null, session));
            } else if (u < (window ? 0.30 : 0.45)) {
                batch.events.add(new CustomerBatch.EventRow(id, t, SEARCH, platform, null, null,
                        DemoVocabulary.searchTerm(BasketModel.category(profile, random), random), session));
            } else {
                int category = BasketModel.category(profile, random);
                int tier = pick(random, profile.persona().brandTierCumulative());
                String product = DemoVocabulary.productId(category, tier, random.nextInt(DemoVocabulary.PRODUCTS_PER_TIER));
                String categoryName = DemoVocabulary.CATEGORIES[category];
                batch.events.add(new CustomerBatch.EventRow(id, t, PRODUCT_VIEW, platform, categoryName, product, null, session));
                if (chance(random, cartChance)) {
                    t += step(random);
                    batch.events.add(new CustomerBatch.EventRow(id, t, ADD_TO_CART, platform, categoryName, product, null, session));
                }
            }
        }
        if (window && chance(random, 0.04)) {
            t += step(random);
            batch.events.add(new CustomerBatch.EventRow(id, t, CHECKOUT_START, platform, null, null, null, session));
        }
    }

    /** Seconds between two clicks. */
    private static long step(SplittableRandom random) {
        return 10 + random.nextInt(170);
    }
}
