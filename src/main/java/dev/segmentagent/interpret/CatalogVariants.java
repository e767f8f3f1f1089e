package dev.segmentagent.interpret;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Grows a catalog to a target size with plausible distractor fields, the way real catalogs grow: the same
 * measure per product category and time window, per-channel rates, and near-synonyms of existing fields with
 * genuinely different meanings. Retrieval that still finds the right field among these scales; the base
 * fields are kept unchanged and first, the distractors are a seeded random choice, so runs are reproducible.
 * Used by the retrieval tests and by the bench's token section (prompt size at 80 and 500 fields).
 */
public final class CatalogVariants {

    private static final List<String> CATEGORIES = List.of("apparel", "shoes", "electronics", "beauty", "home",
            "toys", "sports", "books", "grocery", "garden", "jewelry", "pets");
    private static final List<Integer> WINDOWS = List.of(7, 30, 90, 180, 365);

    private CatalogVariants() {
    }

    /**
     * {@code base} cut to its first {@code targetFields} fields in catalog order (a smaller catalog of the same
     * business); events, models and examples are kept, since the prompt names them whatever the field count.
     */
    public static Catalog narrow(Catalog base, int targetFields) {
        if (targetFields < 1 || targetFields > base.fields().size()) {
            throw new IllegalArgumentException("target " + targetFields + " is not between 1 and " + base.fields().size());
        }
        return new Catalog(base.tables(), base.fields().subList(0, targetFields), base.events(), base.models(),
                base.examples());
    }

    public static Catalog widen(Catalog base, int targetFields, long seed) {
        if (targetFields < base.fields().size()) {
            throw new IllegalArgumentException("target " + targetFields + " is below the base size " + base.fields().size());
        }
        Set<String> taken = new HashSet<>();
        base.fields().forEach(f -> taken.add(f.name()));
        List<FieldSpec> pool = new ArrayList<>(distractors().stream().filter(f -> !taken.contains(f.name())).toList());
        int needed = targetFields - base.fields().size();
        if (pool.size() < needed) {
            throw new IllegalArgumentException("only " + pool.size() + " distractors available, " + needed + " needed");
        }
        Collections.shuffle(pool, new Random(seed));
        List<FieldSpec> fields = new ArrayList<>(base.fields());
        fields.addAll(pool.subList(0, needed));
        return new Catalog(base.tables(), fields, base.events(), base.models(), base.examples());
    }

    static List<FieldSpec> distractors() {
        List<FieldSpec> all = new ArrayList<>();
        perCategoryWindows(all);
        perChannelRates(all);
        nearSynonyms(all);
        return all;
    }

    private static void perCategoryWindows(List<FieldSpec> out) {
        for (String category : CATEGORIES) {
            String words = category.replace('_', ' ');
            for (int days : WINDOWS) {
                out.add(field(category + "_revenue_" + days + "d", "monetary", FieldType.DECIMAL, "EUR",
                        "Net revenue from " + words + " products in the last " + days + " days, after refunds.",
                        List.of(words + " spend")));
                out.add(field(category + "_orders_" + days + "d", "orders", FieldType.INTEGER, null,
                        "Orders containing at least one " + words + " item in the last " + days + " days.",
                        List.of(words + " purchases")));
                out.add(field(category + "_items_" + days + "d", "orders", FieldType.INTEGER, null,
                        "Number of " + words + " items bought in the last " + days + " days.", List.of()));
                out.add(field(category + "_product_views_" + days + "d", "engagement", FieldType.INTEGER, null,
                        "Product pages in the " + words + " category viewed in the last " + days + " days.",
                        List.of(words + " browsing")));
            }
            for (int days : List.of(30, 90)) {
                out.add(field(category + "_add_to_cart_" + days + "d", "engagement", FieldType.INTEGER, null,
                        "Times the customer added a " + words + " product to the cart in the last " + days + " days.", List.of()));
            }
            out.add(field("days_since_last_" + category + "_purchase", "orders", FieldType.INTEGER, "days",
                    "Days since the customer last bought a " + words + " item.", List.of()));
            out.add(field(category + "_revenue_share_lifetime", "monetary", FieldType.DECIMAL, "ratio",
                    "Share of the customer's lifetime revenue that came from " + words + " products.", List.of()));
            out.add(field(category + "_return_rate", "orders", FieldType.DECIMAL, "ratio",
                    "Share of the customer's " + words + " items that were returned.", List.of()));
            out.add(field(category + "_avg_item_price_365d", "monetary", FieldType.DECIMAL, "EUR",
                    "Average price paid per " + words + " item in the last 365 days.", List.of()));
        }
    }

    private static void perChannelRates(List<FieldSpec> out) {
        List<String> messaging = List.of("email", "sms", "push");
        List<String> channels = List.of("email", "sms", "push", "web", "app", "social_ads", "display_ads");
        for (int days : List.of(7, 30, 90, 180, 365)) {
            for (String channel : messaging) {
                out.add(rate(channel + "_open_rate_" + days + "d",
                        "Share of " + channel + " messages delivered in the last " + days + " days that the customer opened."));
                out.add(rate(channel + "_unsubscribe_rate_" + days + "d",
                        "Share of " + channel + " messages in the last " + days + " days after which the customer unsubscribed from that channel."));
            }
            for (String channel : channels) {
                String words = channel.replace('_', ' ');
                out.add(rate(channel + "_click_rate_" + days + "d",
                        "Share of " + words + " impressions or messages in the last " + days + " days that the customer clicked."));
                out.add(rate(channel + "_conversion_rate_" + days + "d",
                        "Share of the customer's " + words + " clicks in the last " + days + " days that led to an order within 7 days."));
            }
        }
    }

    private static void nearSynonyms(List<FieldSpec> out) {
        out.add(field("revenue_gross_lifetime", "monetary", FieldType.DECIMAL, "EUR", "Total gross revenue before refunds and discounts across all orders since signup; for finance reconciliation, not for targeting.", List.of("gross sales")));
        out.add(field("revenue_incl_shipping_lifetime", "monetary", FieldType.DECIMAL, "EUR", "Lifetime net revenue including the shipping fees the customer paid.", List.of()));
        out.add(field("revenue_rank_in_country", "monetary", FieldType.INTEGER, null, "Rank of the customer's lifetime revenue within their own country, 1 is the highest.", List.of()));
        out.add(field("first_order_revenue", "monetary", FieldType.DECIMAL, "EUR", "Net revenue of the customer's first order only.", List.of("first basket")));
        out.add(field("median_order_value", "monetary", FieldType.DECIMAL, "EUR", "Median value of the customer's orders, less sensitive to one large order than the average.", List.of()));
        out.add(field("aov_90d", "monetary", FieldType.DECIMAL, "EUR", "Average order value over the orders of the last 90 days.", List.of()));
        out.add(field("aov_30d", "monetary", FieldType.DECIMAL, "EUR", "Average order value over the orders of the last 30 days.", List.of()));
        out.add(field("holiday_revenue_share", "monetary", FieldType.DECIMAL, "ratio", "Share of lifetime revenue placed in November and December: holiday shoppers.", List.of("christmas shoppers")));
        out.add(field("gift_card_balance", "monetary", FieldType.DECIMAL, "EUR", "Unspent balance on gift cards the customer holds.", List.of()));
        out.add(field("installment_order_share", "orders", FieldType.DECIMAL, "ratio", "Share of orders paid in instalments (buy now, pay later).", List.of("pay later")));
        out.add(field("weekend_visit_share", "engagement", FieldType.DECIMAL, "ratio", "Share of the customer's web and app sessions on a Saturday or Sunday (visits, not orders).", List.of()));
        out.add(field("weekday_order_share", "orders", FieldType.DECIMAL, "ratio", "Share of the customer's orders placed Monday to Friday.", List.of()));
        out.add(field("evening_order_share", "orders", FieldType.DECIMAL, "ratio", "Share of orders placed between 18:00 and 22:00 local time.", List.of()));
        out.add(field("lunchtime_visit_share", "engagement", FieldType.DECIMAL, "ratio", "Share of sessions between 12:00 and 14:00 local time.", List.of()));
        out.add(field("email_open_rate_lifetime", "engagement", FieldType.DECIMAL, "ratio", "Share of all marketing emails ever delivered to the customer that they opened.", List.of()));
        out.add(field("email_open_rate_trend_30d", "engagement", FieldType.DECIMAL, "ratio", "Open rate of the last 30 days divided by the open rate of the 30 days before; a short-term, noisy trend.", List.of()));
        out.add(field("sms_click_rate_trend", "engagement", FieldType.DECIMAL, "ratio", "SMS click rate of the last 90 days divided by the 90 days before.", List.of()));
        out.add(field("days_since_last_email_click", "engagement", FieldType.INTEGER, "days", "Days since the customer last clicked a link in a marketing email.", List.of()));
        out.add(field("days_since_last_app_open", "engagement", FieldType.INTEGER, "days", "Days since the customer last opened the mobile app.", List.of()));
        out.add(field("days_since_last_store_visit", "engagement", FieldType.INTEGER, "days", "Days since the customer's last visit to a physical store, from loyalty card scans.", List.of()));
        out.add(field("days_since_last_review", "loyalty", FieldType.INTEGER, "days", "Days since the customer last published a product review.", List.of()));
        out.add(field("days_since_last_support_ticket", "service", FieldType.INTEGER, "days", "Days since the customer last contacted customer service.", List.of()));
        out.add(field("coupon_redemptions_lifetime", "orders", FieldType.INTEGER, null, "Number of coupon codes the customer redeemed since signup.", List.of()));
        out.add(field("coupon_codes_received_365d", "engagement", FieldType.INTEGER, null, "Coupon codes sent to the customer in the last 365 days, redeemed or not.", List.of()));
        out.add(field("discount_amount_365d", "monetary", FieldType.DECIMAL, "EUR", "Money the customer saved through discounts and coupons in the last 365 days.", List.of()));
        out.add(field("full_price_order_share", "orders", FieldType.DECIMAL, "ratio", "Share of orders without any discount or sale item.", List.of()));
        out.add(field("churn_risk_previous_month", "scores", FieldType.DECIMAL, "probability", "Churn probability as the churn model scored it one month ago, kept for trend comparisons.", List.of()));
        out.add(field("churn_risk_change_30d", "scores", FieldType.DECIMAL, "probability", "Change of the churn probability over the last 30 days; positive means rising risk.", List.of()));
        out.add(field("subscription_cancel_risk", "scores", FieldType.DECIMAL, "probability", "Probability that the customer cancels their subscribe-and-save subscription in the next 90 days (not whether they stop ordering).", List.of()));
        out.add(field("purchase_propensity_7d", "scores", FieldType.DECIMAL, "probability", "Probability from the propensity model that the customer orders in the next 7 days.", List.of()));
        out.add(field("purchase_propensity_90d", "scores", FieldType.DECIMAL, "probability", "Probability from the propensity model that the customer orders in the next 90 days.", List.of()));
        out.add(field("upsell_propensity", "scores", FieldType.DECIMAL, "probability", "Probability that the customer moves up to a more expensive product line.", List.of()));
        out.add(field("predicted_clv_3y", "scores", FieldType.DECIMAL, "EUR", "Revenue the lifetime value model predicts for the next three years.", List.of()));
        out.add(field("predicted_days_to_next_order", "scores", FieldType.DECIMAL, "days", "Days until the next order as the repurchase model predicts it.", List.of()));
        out.add(field("loyalty_tier_previous_year", "loyalty", FieldType.ENUM, null, "The customer's loyalty tier at the end of last year.", List.of()));
        out.add(field("points_expiring_30d", "loyalty", FieldType.INTEGER, "points", "Loyalty points that expire within the next 30 days.", List.of()));
        out.add(field("orders_cancelled_365d", "orders", FieldType.INTEGER, null, "Orders the customer cancelled before shipping in the last 365 days.", List.of()));
        out.add(field("returns_count_365d", "orders", FieldType.INTEGER, null, "Number of return shipments the customer sent in the last 365 days.", List.of()));
        out.add(field("age_band", "demographics", FieldType.ENUM, null, "Age group of the customer in ten-year bands, for reporting.", List.of()));
        out.add(field("birth_month", "demographics", FieldType.INTEGER, null, "Month of the customer's birthday, 1 to 12, for birthday campaigns.", List.of()));
        out.add(field("household_size_estimate", "demographics", FieldType.INTEGER, null, "Estimated number of people in the customer's household from basket patterns.", List.of()));
        out.add(field("cart_value_abandoned_30d", "engagement", FieldType.DECIMAL, "EUR", "Value of the items left in abandoned carts in the last 30 days.", List.of()));
        out.add(field("cart_abandonments_90d", "engagement", FieldType.INTEGER, null, "Carts left without checkout in the last 90 days.", List.of()));
        out.add(field("wishlist_adds_30d", "engagement", FieldType.INTEGER, null, "Products the customer added to the wishlist in the last 30 days.", List.of()));
        out.add(field("sessions_7d", "engagement", FieldType.INTEGER, null, "Visits to the web shop or app in the last 7 days.", List.of()));
        out.add(field("sessions_365d", "engagement", FieldType.INTEGER, null, "Visits to the web shop or app in the last 365 days.", List.of()));
        out.add(field("store_visits_90d", "engagement", FieldType.INTEGER, null, "Visits to physical stores in the last 90 days, from loyalty card scans.", List.of()));
        out.add(field("nps_previous_score", "service", FieldType.INTEGER, null, "The customer's Net Promoter Score answer before the latest one.", List.of()));
        out.add(field("support_tickets_365d", "service", FieldType.INTEGER, null, "Customer service contacts in the last 365 days.", List.of()));
        out.add(field("referral_link_clicks_365d", "loyalty", FieldType.INTEGER, null, "Clicks on the customer's personal referral link in the last 365 days.", List.of()));
    }

    private static FieldSpec rate(String name, String description) {
        return field(name, "engagement", FieldType.DECIMAL, "ratio", description, List.of());
    }

    private static FieldSpec field(String name, String group, FieldType type, String unit, String description,
                                   List<String> synonyms) {
        return new FieldSpec(name, group, type, unit, description, synonyms, List.of(), false, false, null,
                List.of(), null, null, null);
    }
}
