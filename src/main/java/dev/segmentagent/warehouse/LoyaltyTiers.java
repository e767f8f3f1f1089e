package dev.segmentagent.warehouse;

/** The loyalty programme: tiers by completed net spend over the last 365 days. */
final class LoyaltyTiers {

    private static final long PLATINUM_CENTS = 2_500_00;
    private static final long GOLD_CENTS = 1_000_00;
    private static final long SILVER_CENTS = 300_00;

    private LoyaltyTiers() {
    }

    static String tierFor(Persona persona, long spendLastYearCents) {
        String bySpend = spendLastYearCents >= PLATINUM_CENTS ? "platinum"
                : spendLastYearCents >= GOLD_CENTS ? "gold"
                : spendLastYearCents >= SILVER_CENTS ? "silver"
                : "none";
        // Loyalists are enrolled at gold or better by the programme team whatever a slow year brought.
        if (persona == Persona.PREMIUM_LOYALIST && !"platinum".equals(bySpend)) {
            return "gold";
        }
        return bySpend;
    }
}
