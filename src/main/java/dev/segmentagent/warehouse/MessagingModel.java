package dev.segmentagent.warehouse;

import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.segmentagent.warehouse.CustomerBatch.NONE;
import static dev.segmentagent.warehouse.DemoTime.DAY;
import static dev.segmentagent.warehouse.DemoTime.HOUR;
import static dev.segmentagent.warehouse.SeededRandom.chance;

/**
 * Email and SMS sent to a consenting customer, and how the customer reacts. Opens and clicks follow the
 * customer's own propensity scaled by engagement, which is what lets a churn model see a decline coming.
 */
final class MessagingModel {

    private static final long INACTIVE_FOR_WINBACK = 90 * DAY;
    private static final double UNSUBSCRIBE_CHANCE = 0.0015;
    private static final double SMS_OPT_OUT_CHANCE = 0.01;

    private final CampaignCalendar calendar;
    private final long asOf;

    MessagingModel(CampaignCalendar calendar, GeneratorOptions options) {
        this.calendar = calendar;
        this.asOf = options.asOf().getEpochSecond();
    }

    void emails(CustomerProfile profile, long[] orderTimes, SplittableRandom random, CustomerBatch batch) {
        if (!profile.emailConsent()) {
            return;
        }
        // The sending system works through the list in slots: each customer has a fixed delay after launch.
        long slot = random.nextInt((int) (3 * HOUR));
        long unsubscribedAt = NONE;
        for (CampaignCalendar.Campaign campaign : calendar.emails()) {
            long sent = campaign.sendAt() + slot;
            if (sent < profile.signupAt() || sent >= asOf || !chance(random, profile.emailReach())) {
                continue;
            }
            unsubscribedAt = email(profile, campaign.id(), campaign.type(), sent, true, random, batch);
            if (unsubscribedAt != NONE) {
                break;
            }
        }
        for (CampaignCalendar.Campaign campaign : calendar.winbacks()) {
            long sent = campaign.sendAt() + slot;
            if (sent < profile.signupAt() || sent >= asOf || (unsubscribedAt != NONE && sent >= unsubscribedAt)) {
                continue;
            }
            long lastOrder = lastBefore(orderTimes, sent);
            if (lastOrder == NONE || sent - lastOrder < INACTIVE_FOR_WINBACK || !chance(random, 0.8)) {
                continue;
            }
            if (email(profile, campaign.id(), campaign.type(), sent, true, random, batch) != NONE) {
                unsubscribedAt = sent;
            }
        }
        for (long orderedAt : orderTimes) {
            long sent = orderedAt + 60;
            if (sent < asOf && chance(random, 0.3)) {
                email(profile, "tx-order-confirmation", "transactional", sent, false, random, batch);
            }
        }
    }

    /** Writes one email; returns the unsubscribe moment when the customer unsubscribed from it, else NONE. */
    private long email(CustomerProfile profile, String campaignId, String type, long sent, boolean marketing,
                       SplittableRandom random, CustomerBatch batch) {
        double open = Math.min(0.95, profile.openPropensity() * typeAppeal(profile.persona(), type)
                * profile.engagement(sent));
        long opened = NONE;
        long clicked = NONE;
        if (chance(random, open)) {
            opened = sent + 60 + (long) SeededRandom.exponential(random, 5 * HOUR);
            if (opened >= asOf) {
                opened = NONE;
            } else if (chance(random, profile.clickGivenOpen())) {
                clicked = opened + 5 + (long) SeededRandom.exponential(random, 180);
                clicked = clicked < asOf ? clicked : NONE;
            }
        }
        long unsubscribed = NONE;
        if (marketing && chance(random, UNSUBSCRIBE_CHANCE)) {
            long at = (opened != NONE ? opened : sent) + 30;
            unsubscribed = at < asOf ? at : NONE;
        }
        batch.emails.add(new CustomerBatch.EmailRow(profile.customerId(), campaignId, type, sent, opened, clicked,
                unsubscribed));
        return unsubscribed;
    }

    private static double typeAppeal(Persona persona, String type) {
        return switch (type) {
            case "transactional" -> 1.8;
            case "winback" -> 0.7;
            case "promotion" -> persona == Persona.DISCOUNT_ONLY ? 1.5 : 1.0;
            default -> persona == Persona.DISCOUNT_ONLY ? 0.6 : 1.0;
        };
    }

    void sms(CustomerProfile profile, long[] orderTimes, SplittableRandom random, CustomerBatch batch) {
        if (!profile.smsConsent()) {
            return;
        }
        for (CampaignCalendar.Campaign campaign : calendar.sms()) {
            long sent = campaign.sendAt();
            if (sent < profile.signupAt() || !chance(random, 0.6)) {
                continue;
            }
            long lastOrder = lastBefore(orderTimes, sent);
            boolean lapsed = lastOrder != NONE && sent - lastOrder >= INACTIVE_FOR_WINBACK;
            long optedOut = chance(random, SMS_OPT_OUT_CHANCE) ? sent + 120 : NONE;
            sms(profile, lapsed ? campaign.id() + "-wb" : campaign.id(), lapsed ? "winback" : "promotion", sent,
                    0.08, optedOut, random, batch);
            if (optedOut != NONE) {
                break;
            }
        }
        for (long orderedAt : orderTimes) {
            long sent = orderedAt + DAY + random.nextInt((int) (6 * HOUR));
            if (sent < asOf && chance(random, 0.15)) {
                sms(profile, "sms-tx-shipping", "transactional", sent, 0.2, NONE, random, batch);
            }
        }
    }

    private void sms(CustomerProfile profile, String campaignId, String type, long sent, double clickChance,
                     long optedOut, SplittableRandom random, CustomerBatch batch) {
        long clicked = NONE;
        if (chance(random, clickChance * profile.engagement(sent))) {
            clicked = sent + 30 + (long) SeededRandom.exponential(random, 20 * 60);
            clicked = clicked < asOf ? clicked : NONE;
        }
        batch.sms.add(new CustomerBatch.SmsRow(profile.customerId(), campaignId, type, sent, clicked,
                optedOut != NONE && optedOut < asOf ? optedOut : NONE));
    }

    /** The latest order strictly before t, or NONE. */
    static long lastBefore(long[] sortedTimes, long t) {
        int i = Arrays.binarySearch(sortedTimes, t);
        int insertion = i >= 0 ? i : -i - 1;
        return insertion == 0 ? NONE : sortedTimes[insertion - 1];
    }
}
