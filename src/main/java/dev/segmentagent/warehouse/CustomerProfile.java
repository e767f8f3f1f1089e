package dev.segmentagent.warehouse;

import static dev.segmentagent.warehouse.CustomerBatch.NONE;

/**
 * Who one customer is and how they behave: drawn once, then every table's rows are derived from it.
 *
 * @param churnAt      the moment the customer stops buying, or {@link CustomerBatch#NONE}
 * @param declineStart when engagement starts fading before {@code churnAt}, or {@link CustomerBatch#NONE}
 * @param activity     multiplier on the persona's order and browse rates (people differ)
 * @param emailReach   chance of receiving a given weekly campaign: 0.75 near-weekly … 0.2 monthly
 */
record CustomerProfile(
        long customerId,
        Persona persona,
        long signupAt,
        int country,
        String gender,
        String firstName,
        String lastName,
        String city,
        String phone,
        long birthEpochDay,
        String signupChannel,
        String acquisitionSource,
        boolean emailConsent,
        boolean smsConsent,
        boolean pushConsent,
        long churnAt,
        long declineStart,
        double activity,
        double openPropensity,
        double clickGivenOpen,
        double emailReach,
        int preferredPlatform,
        double[] orderChannelCumulative,
        int favouriteCategory,
        int secondCategory,
        long seasonalPhaseSeconds) {

    boolean churns() {
        return churnAt != NONE;
    }

    /**
     * How engaged the customer is at time t, 1 = normal. Fades to 0.12 over the decline window and
     * drops to a small residual after churn (churned customers still open the odd email or visit).
     */
    double engagement(long t) {
        if (churnAt == NONE) {
            return 1.0;
        }
        if (t >= churnAt) {
            return 0.07;
        }
        if (declineStart == NONE || t < declineStart) {
            return 1.0;
        }
        // Square root: the fall is steepest early, so the months before the last order already show it.
        return 1.0 - 0.88 * Math.sqrt((t - declineStart) / (double) (churnAt - declineStart));
    }

    CustomerProfile withChurn(long newChurnAt, long newDeclineStart) {
        return new CustomerProfile(customerId, persona, signupAt, country, gender, firstName, lastName, city, phone,
                birthEpochDay, signupChannel, acquisitionSource, emailConsent, smsConsent, pushConsent, newChurnAt,
                newDeclineStart, activity, openPropensity, clickGivenOpen, emailReach, preferredPlatform,
                orderChannelCumulative, favouriteCategory, secondCategory, seasonalPhaseSeconds);
    }
}
