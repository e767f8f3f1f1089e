package dev.segmentagent.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.segmentagent.warehouse.DemoTime.DAY;
import static dev.segmentagent.warehouse.DemoTime.HOUR;

/**
 * The shop's marketing calendar, shared by all customers and fixed by the seed: a weekly email campaign
 * (Tuesday morning), a monthly win-back email, and an SMS campaign every four weeks (Friday afternoon).
 */
final class CampaignCalendar {

    record Campaign(String id, String type, long sendAt) {
    }

    private final List<Campaign> emails;
    private final List<Campaign> winbacks;
    private final List<Campaign> sms;

    private CampaignCalendar(List<Campaign> emails, List<Campaign> winbacks, List<Campaign> sms) {
        this.emails = List.copyOf(emails);
        this.winbacks = List.copyOf(winbacks);
        this.sms = List.copyOf(sms);
    }

    static CampaignCalendar build(GeneratorOptions options) {
        SplittableRandom random = SeededRandom.forShared(options.seed(), 0xCA1E0DA5L);
        long asOf = options.asOf().getEpochSecond();
        // Campaigns end a few hours before as-of so that sends are all in the past.
        long lastSend = asOf - 6 * HOUR;
        long firstDay = DemoTime.dayOf(asOf - options.historyDays() * DAY);
        long tuesday = firstDay - DemoTime.dayOfWeek(firstDay) + 1;
        List<Campaign> emails = new ArrayList<>();
        List<Campaign> winbacks = new ArrayList<>();
        List<Campaign> sms = new ArrayList<>();
        for (int week = 0; ; week++) {
            long day = tuesday + 7L * week;
            long sendAt = day * DAY + 8 * HOUR;
            if (sendAt >= lastSend) {
                break;
            }
            String type = random.nextDouble() < 0.55 ? "newsletter" : "promotion";
            emails.add(new Campaign(String.format("em-%03d-%s", week, type.substring(0, 4)), type, sendAt));
            if (week % 4 == 1) {
                long winbackAt = (day + 2) * DAY + 10 * HOUR;
                if (winbackAt < lastSend) {
                    winbacks.add(new Campaign(String.format("wb-%03d", week / 4), "winback", winbackAt));
                }
            }
            if (week % 4 == 2) {
                long smsAt = (day + 3) * DAY + 16 * HOUR;
                if (smsAt < lastSend) {
                    sms.add(new Campaign(String.format("sms-%03d", week / 4), "promotion", smsAt));
                }
            }
        }
        return new CampaignCalendar(emails, winbacks, sms);
    }

    List<Campaign> emails() {
        return emails;
    }

    List<Campaign> winbacks() {
        return winbacks;
    }

    List<Campaign> sms() {
        return sms;
    }
}
