package dev.segmentagent.warehouse;

import java.util.SplittableRandom;

import static dev.segmentagent.warehouse.CustomerBatch.NONE;
import static dev.segmentagent.warehouse.DemoTime.DAY;
import static dev.segmentagent.warehouse.SeededRandom.between;
import static dev.segmentagent.warehouse.SeededRandom.chance;
import static dev.segmentagent.warehouse.SeededRandom.pick;

/** Draws a customer's persona, demographics, consents, preferences and churn plan. */
final class ProfileFactory {

    private static final double REGULAR_CHURN_SHARE = 0.06;
    private static final double[] EMAIL_REACH = {0.75, 0.4, 0.2};
    private static final double[] EMAIL_REACH_CUMULATIVE = SeededRandom.cumulative(25, 40, 35);
    private static final double[] STORE_SHOPPER_CHANNELS = SeededRandom.cumulative(20, 10, 70);
    private static final double[] APP_SHOPPER_CHANNELS = SeededRandom.cumulative(15, 75, 10);
    private static final double[] WEB_SHOPPER_CHANNELS = SeededRandom.cumulative(65, 20, 15);

    private final long asOf;
    private final long historyStart;

    ProfileFactory(GeneratorOptions options) {
        this.asOf = options.asOf().getEpochSecond();
        this.historyStart = asOf - options.historyDays() * DAY;
    }

    CustomerProfile draw(long customerId, SplittableRandom random) {
        Persona persona = Persona.draw(random);
        long signupAt = signup(persona, random);

        int country = pick(random, DemoVocabulary.COUNTRY_CUMULATIVE);
        String gender = DemoVocabulary.GENDERS[pick(random, DemoVocabulary.GENDER_CUMULATIVE)];
        String firstName = DemoVocabulary.firstName(gender, random);
        String lastName = DemoVocabulary.lastName(random);
        String city = DemoVocabulary.city(country, random);
        String phone = chance(random, 0.85) ? DemoVocabulary.phone(country, random) : null;
        long birthEpochDay = birthDay(persona, random);

        int signupChannel = pick(random, DemoVocabulary.SIGNUP_CHANNEL_CUMULATIVE);
        String channel = DemoVocabulary.SIGNUP_CHANNELS[signupChannel];
        String source = "referral".equals(channel)
                ? "referral"
                : DemoVocabulary.ACQUISITION_SOURCES[pick(random, DemoVocabulary.ACQUISITION_CUMULATIVE)];

        boolean emailConsent = chance(random, switch (persona) {
            case PREMIUM_LOYALIST -> 0.92;
            case DISCOUNT_ONLY -> 0.82;
            case WINDOW_SHOPPER -> 0.60;
            case ONE_TIME_BUYER -> 0.55;
            default -> 0.70;
        });
        boolean smsConsent = chance(random, switch (persona) {
            case PREMIUM_LOYALIST, DISCOUNT_ONLY -> 0.45;
            case ONE_TIME_BUYER -> 0.25;
            default -> 0.35;
        });
        boolean pushConsent = chance(random, "app".equals(channel) ? 0.6 : 0.2);

        int platform = "app".equals(channel)
                ? 1 + random.nextInt(2)
                : pick(random, DemoVocabulary.PLATFORM_CUMULATIVE);
        double[] orderChannels = switch (channel) {
            case "store" -> STORE_SHOPPER_CHANNELS;
            case "app" -> APP_SHOPPER_CHANNELS;
            default -> WEB_SHOPPER_CHANNELS;
        };

        double activity = SeededRandom.logNormal(random, 0.35);
        double open = Math.min(0.95, Math.max(0.02, persona.openPropensity() * SeededRandom.logNormal(random, 0.4)));
        double click = (persona == Persona.PREMIUM_LOYALIST ? 0.30 : 0.15) * SeededRandom.logNormal(random, 0.3);
        double reach = EMAIL_REACH[pick(random, EMAIL_REACH_CUMULATIVE)];
        int favourite = pick(random, DemoVocabulary.CATEGORY_CUMULATIVE);
        int second = pick(random, DemoVocabulary.CATEGORY_CUMULATIVE);
        long phase = random.nextLong(91 * DAY);

        CustomerProfile profile = new CustomerProfile(customerId, persona, signupAt, country, gender, firstName,
                lastName, city, phone, birthEpochDay, channel, source, emailConsent, smsConsent, pushConsent, NONE,
                NONE, activity, open, Math.min(0.8, click), reach, platform, orderChannels, favourite, second, phase);
        return planChurn(profile, random);
    }

    /** Signups grow over time (density rises linearly), and never later than the persona needs. */
    private long signup(Persona persona, SplittableRandom random) {
        long latest = asOf - persona.minAgeDays() * DAY;
        return historyStart + (long) ((latest - historyStart) * Math.sqrt(random.nextDouble()));
    }

    private long birthDay(Persona persona, SplittableRandom random) {
        double mean = persona == Persona.PREMIUM_LOYALIST ? 46 : 40;
        long age = Math.max(18, Math.min(85, Math.round(mean + 13 * SeededRandom.gaussian(random))));
        long asOfDay = DemoTime.dayOf(asOf);
        return asOfDay - (long) (age * 365.25) - random.nextInt(364);
    }

    private CustomerProfile planChurn(CustomerProfile profile, SplittableRandom random) {
        long signup = profile.signupAt();
        if (profile.persona() == Persona.DECLINING_ENGAGEMENT) {
            // Churn at least 75 days back so the last order (before churn) is >= 60 days before as-of.
            long earliest = Math.max(signup + 240 * DAY, asOf - 420 * DAY);
            long churnAt = (long) between(random, earliest, asOf - 75 * DAY);
            long declineStart = Math.max(signup + 60 * DAY, churnAt - (long) between(random, 90, 180) * DAY);
            return profile.withChurn(churnAt, declineStart);
        }
        if (profile.persona() == Persona.REGULAR && chance(random, REGULAR_CHURN_SHARE)
                && signup <= asOf - 150 * DAY) {
            // Churn without warning: the contrast case for the churn model.
            long churnAt = (long) between(random, signup + 60 * DAY, asOf - 60 * DAY);
            return profile.withChurn(churnAt, NONE);
        }
        return profile;
    }
}
