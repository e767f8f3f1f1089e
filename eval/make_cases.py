# Writes eval/cases.jsonl. Gold SQL is written by hand from the catalog's semantics (schema-catalog/*.yml):
# completed orders only unless stated, windows are [as_of - N days, as_of), {as_of} is the data's as-of.
import json

cases = []
def add(id, request, tags, gold=None, expected=None):
    c = {"id": id, "request": request, "tags": tags}
    if gold is not None:
        c["gold_sql"] = " ".join(gold.split())
    if expected is not None:
        c["expected"] = expected
    cases.append(c)

F = "SELECT customer_id FROM customer_features WHERE "
def win(col, days):
    return f"{col} >= {{as_of}} - INTERVAL {days} DAY AND {col} < {{as_of}}"
def completed(days=None, extra=""):
    w = f" AND {win('ordered_at', days)}" if days else " AND ordered_at < {as_of}"
    return f"SELECT customer_id FROM orders WHERE status = 'completed'{w}{extra}"
def items(days=None, extra=""):
    w = f" AND {win('ordered_at', days)}" if days else " AND ordered_at < {as_of}"
    return f"SELECT customer_id FROM order_items WHERE 1=1{w}{extra}"
def web(kind, days=None, extra=""):
    w = f" AND {win('occurred_at', days)}" if days else " AND occurred_at < {as_of}"
    return f"SELECT customer_id FROM web_events WHERE event_type = '{kind}'{w}{extra}"
def email(col, days=None, extra=""):
    w = f" AND {win(col, days)}" if days else f" AND {col} < {{as_of}}"
    return f"SELECT customer_id FROM email_messages WHERE {col} IS NOT NULL{w}{extra}"
def none_of(sub):
    return f"SELECT customer_id FROM customer_features WHERE customer_id NOT IN ({sub})"
def count_ge(sub, n):
    return f"SELECT customer_id FROM ({sub}) GROUP BY customer_id HAVING count(*) >= {n}"
def both(a, b):
    return f"({a}) INTERSECT ({b})"
def either(a, b):
    return f"({a}) UNION ({b})"
def model(m, cond):
    return f"SELECT customer_id FROM model_scores WHERE model = '{m}' AND {cond}"

# --- compare on plain features -----------------------------------------------------------------------
add("cmp-01", "customers with more than 5 orders", ["compare", "confusable"], F + "orders_count > 5")
add("cmp-02", "customers who placed at least 10 orders", ["compare"], F + "orders_count >= 10")
add("cmp-03", "customers with lifetime revenue over 1000 EUR", ["compare", "money", "confusable"], F + "revenue_total > 1000")
add("cmp-04", "customers who spent more than 500 euros in total", ["compare", "money", "confusable"], F + "revenue_total > 500")
add("cmp-05", "customers with an average order value above 80 EUR", ["compare", "money", "confusable"], F + "aov_365d > 80")
add("cmp-06", "customers with an AOV under 30", ["compare", "money", "confusable"], F + "aov_365d < 30")
add("cmp-07", "customers with a return rate above 30%", ["compare", "percent"], F + "return_rate_365d > 0.3")
add("cmp-08", "customers with an email open rate below 10%", ["compare", "percent", "confusable"], F + "email_open_rate_30d < 0.1")
add("cmp-09", "customers whose open rate over the last 90 days is above 50%", ["compare", "percent", "window", "confusable"], F + "email_open_rate_90d > 0.5")
add("cmp-10", "customers with a click rate of at least 20 percent", ["compare", "percent", "confusable"], F + "email_click_rate_30d >= 0.2")
add("cmp-11", "customers with a discount share of at least 80%", ["compare", "percent", "confusable"], F + "discount_share_365d >= 0.8")
add("cmp-12", "customers with an average discount above 25%", ["compare", "percent", "confusable"], F + "avg_discount_pct_365d > 0.25")
add("cmp-13", "customers who saved more than 100 EUR in discounts", ["compare", "money", "confusable"], F + "discount_amount_total > 100")
add("cmp-14", "customers with a gross merchandise value over 2000", ["compare", "money", "confusable"], F + "gross_merchandise_value > 2000")
add("cmp-15", "customers with a lifetime AOV over 100 EUR", ["compare", "money", "confusable"], F + "aov_lifetime > 100")
add("cmp-16", "customers with an average item price above 50 EUR", ["compare", "money", "confusable"], F + "avg_item_price_365d > 50")
add("cmp-17", "customers with more than 4 items per order", ["compare", "confusable"], F + "avg_items_per_order_365d > 4")
add("cmp-18", "customers who bought more than 20 items", ["compare", "confusable"], F + "items_purchased_count > 20")
add("cmp-19", "customers with more than 30 order lines", ["compare", "confusable"], F + "order_lines_count > 30")
add("cmp-20", "customers with a coupon usage rate above 50%", ["compare", "percent", "confusable"], F + "coupon_usage_rate_365d > 0.5")
add("cmp-21", "customers with a satisfaction rating below 3", ["compare"], F + "avg_satisfaction_365d < 3")
add("cmp-22", "customers who bought from at least 4 categories", ["compare"], F + "category_count_365d >= 4")
add("cmp-23", "customers with 2 or more unresolved tickets", ["compare"], F + "unresolved_tickets >= 2")
add("cmp-24", "customers with a premium share above 60%", ["compare", "percent"], F + "premium_line_share_365d > 0.6")
add("cmp-25", "customers with an SMS click rate above 10%", ["compare", "percent"], F + "sms_click_rate_90d > 0.1")
add("cmp-26", "customers with a click to open rate over 40%", ["compare", "percent", "confusable"], F + "email_click_to_open_rate_90d > 0.4")
add("cmp-27", "customers with fewer than 2 orders", ["compare"], F + "orders_count < 2")
add("cmp-28", "customers with at most 1 order", ["compare"], F + "orders_count <= 1")
add("cmp-29", "customers with exactly 3 orders", ["compare"], F + "orders_count = 3")
add("cmp-30", "customers whose weekend order share is above 50%", ["compare", "percent", "confusable"], F + "weekend_order_share_365d > 0.5")
add("cmp-31", "customers with more than 3 cancelled orders", ["compare"], F + "cancelled_orders_365d > 3")
add("cmp-32", "customers with at least 1 email unsubscribe", ["compare"], F + "email_unsubscribes_total >= 1")
add("cmp-33", "customers with 3+ orders", ["compare"], F + "orders_count >= 3")
add("cmp-34", "customers whose lifetime value is at least 2k", ["compare", "money", "confusable"], F + "revenue_total >= 2000")
# --- between ------------------------------------------------------------------------------------------
add("btw-01", "customers aged 25 to 34", ["between", "demographics"], F + "age BETWEEN 25 AND 34")
add("btw-02", "customers between 40 and 50 years old", ["between", "demographics"], F + "age BETWEEN 40 AND 50")
add("btw-03", "customers with between 2 and 4 orders", ["between"], F + "orders_count BETWEEN 2 AND 4")
add("btw-04", "customers with lifetime revenue between 200 and 500 EUR", ["between", "money"], F + "revenue_total BETWEEN 200 AND 500")
add("btw-05", "customers in their 30s", ["between", "demographics"], F + "age BETWEEN 30 AND 39")
add("btw-06", "customers whose AOV is between 50 and 100", ["between", "money"], F + "aov_365d BETWEEN 50 AND 100")
add("btw-07", "customers with a return rate between 10% and 20%", ["between", "percent"], F + "return_rate_365d BETWEEN 0.1 AND 0.2")
# --- age compare --------------------------------------------------------------------------------------
add("age-01", "customers over 60 years old", ["compare", "demographics"], F + "age > 60")
add("age-02", "customers younger than 25", ["compare", "demographics"], F + "age < 25")
add("age-03", "customers aged at least 18", ["compare", "demographics"], F + "age >= 18")
# --- in / enums ---------------------------------------------------------------------------------------
add("in-01", "customers in Germany", ["in", "enum"], F + "country = 'DE'")
add("in-02", "customers in Germany or France", ["in", "enum", "or"], F + "country IN ('DE', 'FR')")
add("in-03", "customers from Spain, Italy or Poland", ["in", "enum"], F + "country IN ('ES', 'IT', 'PL')")
add("in-04", "customers outside Germany", ["in", "enum", "negation"], F + "country IS DISTINCT FROM 'DE'")
add("in-05", "gold or platinum loyalty members", ["in", "enum"], F + "loyalty_tier IN ('gold', 'platinum')")
add("in-06", "silver members", ["in", "enum"], F + "loyalty_tier = 'silver'")
add("in-07", "customers who are not in the loyalty programme", ["in", "enum", "negation"], F + "loyalty_tier = 'none'")
add("in-08", "women", ["in", "enum", "demographics"], F + "gender = 'female'")
add("in-09", "men in the Netherlands", ["in", "enum", "demographics", "and"], F + "gender = 'male' AND country = 'NL'")
add("in-10", "iOS users", ["in", "enum", "confusable"], F + "preferred_platform = 'ios'")
add("in-11", "app users", ["in", "enum", "confusable"], F + "preferred_platform IN ('ios', 'android')")
add("in-12", "customers who mostly shop in store", ["in", "enum", "confusable"], F + "preferred_order_channel = 'store'")
add("in-13", "customers who signed up via the app", ["in", "enum"], F + "signup_channel = 'app'")
add("in-14", "customers who came from paid search", ["in", "enum"], F + "acquisition_source = 'paid_search'")
add("in-15", "customers whose favourite category is shoes", ["in", "enum", "confusable"], F + "top_category_365d = 'shoes'")
add("in-16", "customers who mostly browse electronics", ["in", "enum", "confusable"], F + "most_viewed_category_90d = 'electronics'")
add("in-17", "customers who came from affiliates", ["in", "enum"], F + "acquisition_source = 'affiliate'")
add("in-18", "android users in Sweden", ["in", "enum", "and"], F + "preferred_platform = 'android' AND country = 'SE'")
add("in-19", "customers in the UK", ["in", "enum"], F + "country = 'GB'")
add("in-20", "customers who buy online", ["in", "enum", "confusable"], F + "preferred_order_channel IN ('web', 'app')")
# --- consent ------------------------------------------------------------------------------------------
add("con-01", "customers who can be emailed", ["compare", "consent"], F + "email_consent = true")
add("con-02", "customers without email consent", ["compare", "consent", "negation"], F + "email_consent IS NOT TRUE")
add("con-03", "customers with SMS consent", ["compare", "consent"], F + "sms_consent = true")
add("con-04", "customers who opted in to push notifications", ["compare", "consent"], F + "push_consent = true")
add("con-05", "women in France who can be emailed", ["compare", "consent", "and"], F + "gender = 'female' AND country = 'FR' AND email_consent = true")
add("con-06", "customers who unsubscribed from emails", ["compare", "consent"], F + "email_unsubscribes_total >= 1")
# --- recency / tenure -----------------------------------------------------------------------------------
add("rec-01", "customers whose last order was more than 90 days ago", ["compare", "recency", "confusable"], F + "days_since_last_order > 90")
add("rec-02", "customers whose last visit was more than 30 days ago", ["compare", "recency", "confusable"], F + "days_since_last_visit > 30")
add("rec-03", "customers who signed up in the last 30 days", ["compare", "window", "confusable"], "SELECT customer_id FROM customers WHERE signup_at > {as_of} - INTERVAL 30 DAY AND signup_at < {as_of}")
add("rec-04", "customers who joined more than 1 year ago", ["compare", "confusable"], F + "days_since_signup > 365")
add("rec-05", "customers whose first order was more than 365 days ago", ["compare", "confusable"], F + "days_since_first_order > 365")
add("rec-06", "customers who registered this year", ["compare", "window", "calendar"], "SELECT customer_id FROM customers WHERE signup_at >= TIMESTAMP '2026-01-01' AND signup_at < {as_of}")
add("rec-07", "customers whose last purchase was over 6 months ago", ["compare", "recency", "confusable"], F + "days_since_last_order > 180")
# --- events: purchases ----------------------------------------------------------------------------------
add("ev-01", "customers who bought in the last 30 days", ["event", "window"], completed(30))
add("ev-02", "customers who have not bought in the last 90 days", ["event", "window", "negation"], none_of(completed(90)))
add("ev-03", "customers who haven't purchased in 6 months", ["event", "window", "negation"], none_of(completed(180)))
add("ev-04", "people who bought shoes in the last 3 months", ["event", "window", "filter"], items(90, " AND category = 'shoes'"))
add("ev-05", "customers who bought shoes but not apparel", ["event", "filter", "negation"], both(items(None, " AND category = 'shoes'"), none_of(items(None, " AND category = 'apparel'"))))
add("ev-06", "customers who bought electronics in the last year", ["event", "window", "filter"], items(365, " AND category = 'electronics'"))
add("ev-07", "customers who bought books or toys in the last 90 days", ["event", "window", "filter", "or"], items(90, " AND category IN ('books', 'toys')"))
add("ev-08", "customers who never bought beauty products", ["event", "filter", "negation"], none_of(items(None, " AND category = 'beauty'")))
add("ev-09", "customers who bought at least 3 times in the last 90 days", ["event", "window", "count"], count_ge(completed(90), 3))
add("ev-10", "customers with more than 5 orders in the last year", ["event", "window", "count", "confusable"], "SELECT customer_id FROM (" + completed(365) + ") GROUP BY customer_id HAVING count(*) > 5")
add("ev-11", "customers who spent over 300 EUR in the last 90 days", ["event", "window", "sum", "money"], "SELECT customer_id FROM orders WHERE status = 'completed' AND " + win('ordered_at', 90) + " GROUP BY customer_id HAVING sum(net_amount) > 300")
add("ev-12", "customers who spent at least 100 EUR in the last 30 days", ["event", "window", "sum", "money"], "SELECT customer_id FROM orders WHERE status = 'completed' AND " + win('ordered_at', 30) + " GROUP BY customer_id HAVING sum(net_amount) >= 100")
add("ev-13", "customers who bought in store in the last 30 days", ["event", "window", "filter"], completed(30, " AND channel = 'store'"))
add("ev-14", "customers who have never bought anything", ["event", "negation"], F + "orders_count = 0")
add("ev-15", "customers who bought since March", ["event", "window", "calendar"], "SELECT customer_id FROM orders WHERE status = 'completed' AND ordered_at >= TIMESTAMP '2026-03-01' AND ordered_at < {as_of}")
add("ev-16", "customers who have not bought since March", ["event", "window", "calendar", "negation"], none_of("SELECT customer_id FROM orders WHERE status = 'completed' AND ordered_at >= TIMESTAMP '2026-03-01' AND ordered_at < {as_of}"))
add("ev-17", "customers who bought this year", ["event", "window", "calendar"], "SELECT customer_id FROM orders WHERE status = 'completed' AND ordered_at >= TIMESTAMP '2026-01-01' AND ordered_at < {as_of}")
add("ev-18", "customers who bought jewellery in the last 6 months", ["event", "window", "filter", "synonym"], items(180, " AND category = 'jewelry'"))
add("ev-19", "customers who bought footwear this year", ["event", "window", "filter", "synonym", "calendar"], "SELECT customer_id FROM order_items WHERE category = 'shoes' AND ordered_at >= TIMESTAMP '2026-01-01' AND ordered_at < {as_of}")
add("ev-20", "customers who returned an order in the last 90 days", ["event", "window"], "SELECT customer_id FROM orders WHERE status = 'returned' AND " + win('ordered_at', 90))
add("ev-21", "customers who bought online in the last 90 days", ["event", "window", "filter"], completed(90, " AND channel IN ('web', 'app')"))
add("ev-22", "customers who made a purchase in the last 2 weeks", ["event", "window"], completed(14))
add("ev-23", "customers who bought twice in the last 30 days", ["event", "window", "count"], count_ge(completed(30), 2))
add("ev-24", "customers who ordered more than 2 times in the last 60 days", ["event", "window", "count"], "SELECT customer_id FROM (" + completed(60) + ") GROUP BY customer_id HAVING count(*) > 2")
add("ev-25", "customers who bought shoes and have not bought in the last 90 days", ["event", "window", "negation", "and"], both(items(None, " AND category = 'shoes'"), none_of(completed(90))))
add("ev-26", "customers who spent more than 1000 EUR in the last year", ["event", "window", "sum", "money", "confusable"], "SELECT customer_id FROM orders WHERE status = 'completed' AND " + win('ordered_at', 365) + " GROUP BY customer_id HAVING sum(net_amount) > 1000")
# --- events: web ----------------------------------------------------------------------------------------
add("web-01", "customers who added to cart in the last 7 days", ["event", "window"], web('add_to_cart', 7))
add("web-02", "customers who added electronics to their cart at least twice this month", ["event", "window", "count", "filter"], count_ge(web('add_to_cart', 30, " AND category = 'electronics'"), 2))
add("web-03", "customers who added something to the basket in the last 30 days but did not buy", ["event", "window", "negation"], both(web('add_to_cart', 30), none_of(completed())))
add("web-04", "customers who visited in the last 30 days", ["event", "window"], web('session_start', 30))
add("web-05", "customers who have not visited the site in the last 60 days", ["event", "window", "negation"], none_of(web('session_start', 60)))
add("web-06", "customers who viewed products in the last 7 days", ["event", "window"], web('product_view', 7))
add("web-07", "customers who viewed shoes in the last 30 days", ["event", "window", "filter"], web('product_view', 30, " AND category = 'shoes'"))
add("web-08", "customers who searched in the last 14 days", ["event", "window"], web('search', 14))
add("web-09", "customers who started a checkout in the last 7 days", ["event", "window"], web('checkout_start', 7))
add("web-10", "customers who abandoned a checkout in the last week", ["event", "window", "negation"], both(web('checkout_start', 7), none_of(completed(7))))
add("web-11", "customers with more than 10 product views in the last 30 days", ["event", "window", "count", "confusable"], "SELECT customer_id FROM (" + web('product_view', 30) + ") GROUP BY customer_id HAVING count(*) > 10")
add("web-12", "customers with at least 5 visits in the last 30 days", ["event", "window", "count"], count_ge(web('session_start', 30), 5))
add("web-13", "customers who visited in the last 30 days but have not bought in the last 30 days", ["event", "window", "negation", "and"], both(web('session_start', 30), none_of(completed(30))))
add("web-14", "customers with more than 3 searches in the last 30 days", ["event", "window", "count"], "SELECT customer_id FROM (" + web('search', 30) + ") GROUP BY customer_id HAVING count(*) > 3")
add("web-15", "customers who added apparel to the cart in the last 14 days and did not buy apparel in the last 14 days", ["event", "window", "filter", "negation"], both(web('add_to_cart', 14, " AND category = 'apparel'"), none_of(items(14, " AND category = 'apparel'"))))
# --- events: email / sms / support ------------------------------------------------------------------------
add("em-01", "customers who opened an email in the last 30 days", ["event", "window"], email('opened_at', 30))
add("em-02", "customers who have not opened an email in the last 90 days", ["event", "window", "negation"], none_of(email('opened_at', 90)))
add("em-03", "customers who clicked an email in the last 14 days", ["event", "window"], email('clicked_at', 14))
add("em-04", "customers who never opened an email", ["event", "negation"], none_of(email('opened_at')))
add("em-05", "customers who opened a promotion email in the last 30 days", ["event", "window", "filter"], email('opened_at', 30, " AND campaign_type = 'promotion'"))
add("em-06", "customers who received an email in the last 7 days", ["event", "window"], "SELECT customer_id FROM email_messages WHERE " + win('sent_at', 7))
add("em-07", "customers who opened at least 3 emails in the last 30 days", ["event", "window", "count"], count_ge(email('opened_at', 30), 3))
add("em-08", "customers who clicked a text in the last 90 days", ["event", "window"], "SELECT customer_id FROM sms_messages WHERE clicked_at IS NOT NULL AND " + win('clicked_at', 90))
add("em-09", "customers who contacted support in the last 30 days", ["event", "window"], "SELECT customer_id FROM support_tickets WHERE " + win('opened_at', 30))
add("em-10", "customers who complained about delivery in the last 90 days", ["event", "window", "filter"], "SELECT customer_id FROM support_tickets WHERE topic = 'delivery' AND " + win('opened_at', 90))
add("em-11", "customers with 2 or more support tickets in the last 90 days", ["event", "window", "count"], count_ge("SELECT customer_id FROM support_tickets WHERE " + win('opened_at', 90), 2))
add("em-12", "customers who opened a newsletter this month", ["event", "window", "filter"], email('opened_at', 30, " AND campaign_type = 'newsletter'"))
add("em-13", "customers who received an SMS in the last 30 days", ["event", "window"], "SELECT customer_id FROM sms_messages WHERE " + win('sent_at', 30))
# --- isNull / or / not combos ---------------------------------------------------------------------------------
add("nul-01", "customers who have never opened an email or whose last open was more than 60 days ago", ["isNull", "or", "recency"], F + "days_since_last_email_open IS NULL OR days_since_last_email_open > 60")
add("nul-02", "customers who were never seen online", ["isNull", "negation"], F + "days_since_last_visit IS NULL")
add("or-01", "customers in Germany or who can be emailed", ["or"], F + "country = 'DE' OR email_consent = true")
add("or-02", "customers who bought shoes in the last 30 days or added shoes to the cart in the last 30 days", ["or", "event", "window", "filter"], either(items(30, " AND category = 'shoes'"), web('add_to_cart', 30, " AND category = 'shoes'")))
add("or-03", "gold members or customers with lifetime revenue over 2000", ["or", "in", "money"], F + "loyalty_tier = 'gold' OR revenue_total > 2000")
add("and-01", "women aged 25 to 34 who can be emailed", ["and", "between", "consent"], F + "gender = 'female' AND age BETWEEN 25 AND 34 AND email_consent = true")
add("and-02", "platinum members in France with more than 10 orders", ["and", "in", "compare"], F + "loyalty_tier = 'platinum' AND country = 'FR' AND orders_count > 10")
add("and-03", "customers in Italy who bought in the last 30 days", ["and", "event", "window"], both(F + "country = 'IT'", completed(30)))
add("and-04", "iOS users with SMS consent who opened an email in the last 30 days", ["and", "event", "consent"], both(F + "preferred_platform = 'ios' AND sms_consent = true", email('opened_at', 30)))
add("and-05", "customers with more than 5 orders who have not bought in the last 180 days", ["and", "negation", "event", "window"], both(F + "orders_count > 5", none_of(completed(180))))
add("and-06", "customers aged over 50 in Austria with a return rate above 20%", ["and", "compare", "percent"], F + "age > 50 AND country = 'AT' AND return_rate_365d > 0.2")
add("not-01", "customers who are not gold members", ["not", "in", "negation"], F + "loyalty_tier IS DISTINCT FROM 'gold'")
add("not-02", "customers who did not buy electronics in the last year", ["not", "event", "negation", "filter"], none_of(items(365, " AND category = 'electronics'")))
add("not-03", "customers who cannot be emailed", ["not", "consent", "negation"], F + "email_consent IS NOT TRUE")
# --- vague terms with stated assumptions ------------------------------------------------------------------------
add("vag-01", "high-value customers", ["vague", "percentile", "confusable"], F + "revenue_total >= (SELECT quantile_disc(revenue_total, 0.8) FROM customer_features)")
add("vag-02", "one-time buyers who have not come back in six months", ["vague", "and", "negation"], F + "orders_count = 1 AND days_since_last_order > 180")
add("vag-03", "new customers who have not bought yet", ["vague", "and", "negation"], F + "days_since_signup <= 30 AND orders_count = 0")
add("vag-04", "customers who only buy on discount", ["vague"], F + "discount_share_365d >= 0.9 AND orders_365d >= 2")
add("vag-05", "weekend shoppers in Germany or France", ["vague", "in"], F + "weekend_order_share_365d >= 0.6 AND orders_365d >= 3 AND country IN ('DE', 'FR')")
add("vag-06", "frequent returners", ["vague"], F + "return_rate_365d >= 0.4 AND orders_placed_365d >= 3")
add("vag-07", "window shoppers", ["vague", "event"], both(F + "product_views_30d >= 10", none_of(completed(30))))
add("vag-08", "premium buyers", ["vague"], F + "premium_line_share_365d >= 0.5")
add("vag-09", "repeat buyers in Spain", ["vague", "in"], F + "orders_count >= 2 AND country = 'ES'")
add("vag-10", "high-value customers whose engagement is slipping", ["vague", "percentile", "or"], F + "revenue_total >= (SELECT quantile_disc(revenue_total, 0.8) FROM customer_features) AND (email_open_rate_change <= -0.15 OR orders_trend_90d < 0)")
add("vag-11", "customers who are buying less often than before", ["vague", "confusable"], F + "orders_trend_90d < 0")
add("vag-12", "unhappy customers with recent support tickets", ["vague", "event"], both(F + "avg_satisfaction_365d <= 2", "SELECT customer_id FROM support_tickets WHERE " + win('opened_at', 90)))
add("vag-13", "lapsed customers", ["vague", "negation"], both(F + "orders_count >= 1", none_of(completed(180))))
add("vag-14", "recent buyers in the Netherlands", ["vague", "event"], both(F + "country = 'NL'", completed(30)))
add("vag-15", "big spenders who can be texted", ["vague", "percentile", "consent"], F + "sms_consent = true AND revenue_total >= (SELECT quantile_disc(revenue_total, 0.8) FROM customer_features)")
add("vag-16", "cart abandoners", ["vague", "event"], both(web('checkout_start', 30), none_of(completed(30))))
# --- model scores / RFM / clusters (need trained models) ---------------------------------------------------------
add("mod-01", "customers likely to churn", ["score", "needs-models"], model('churn', "score >= 0.5"))
add("mod-02", "customers with a high churn risk", ["score", "needs-models", "confusable"], model('churn', "tier = 'high'"))
add("mod-03", "customers with churn risk above 0.7", ["score", "needs-models"], model('churn', "score > 0.7"))
add("mod-04", "customers likely to buy", ["score", "needs-models"], model('purchase_propensity', "score >= 0.5"))
add("mod-05", "champions from the RFM model", ["score", "rfm", "needs-models"], model('rfm', "tier = 'champions'"))
add("mod-06", "at risk customers in the RFM model", ["score", "rfm", "needs-models", "confusable"], model('rfm', "tier = 'at_risk'"))
add("mod-07", "hibernating customers", ["score", "rfm", "needs-models"], model('rfm', "tier = 'hibernating'"))
add("mod-08", "champions who have not opened an email in 60 days", ["score", "rfm", "needs-models", "negation"], both(model('rfm', "tier = 'champions'"), none_of(email('opened_at', 60))))
add("mod-09", "customers likely to churn who used to buy a lot", ["score", "needs-models", "vague", "catalog-example"], both(model('churn', "score >= 0.7"), F + "orders_count >= 5"))
add("mod-10", "customers with a low churn risk in Germany", ["score", "needs-models", "in"], both(model('churn', "tier = 'low'"), F + "country = 'DE'"))
add("mod-11", "high-value customers likely to churn", ["score", "needs-models", "percentile"], both(model('churn', "score >= 0.5"), F + "revenue_total >= (SELECT quantile_disc(revenue_total, 0.8) FROM customer_features)"))
add("mod-12", "customers with a purchase propensity above 60%", ["score", "needs-models"], model('purchase_propensity', "score > 0.6"))
add("mod-13", "loyal customers from the RFM model", ["score", "rfm", "needs-models"], model('rfm', "tier = 'loyal'"))
add("mod-14", "customers we cannot lose according to RFM", ["score", "rfm", "needs-models"], model('rfm', "tier = 'cant_lose'"))
add("mod-15", "customers not likely to churn", ["score", "needs-models", "negation"], none_of(model('churn', "score >= 0.5")))
add("mod-16", "customers with an RFM score above 0.8", ["score", "rfm", "needs-models"], model('rfm', "score > 0.8"))
# --- clarify ---------------------------------------------------------------------------------------------
for i, r in enumerate(["active customers", "show me active users in France", "inactive customers", "engaged customers",
                       "our best customers", "top customers", "churned customers", "dormant shoppers",
                       "VIP customers", "disengaged customers in Germany", "customers in the bargain cluster",
                       "good customers who can be emailed"], 1):
    add(f"clar-{i:02d}", r, ["clarify"] + (["needs-models"] if "cluster" in r else []), expected="clarify")
# --- decline ---------------------------------------------------------------------------------------------
for i, r in enumerate(["what's the weather in Berlin tomorrow", "write me a poem about shoes", "delete all customers",
                       "SELECT * FROM customers WHERE country = 'DE'", "customers named John",
                       "customers with a gmail email address", "customers who own a dog",
                       "customers whose favourite colour is blue", "customers with an income above 50000",
                       "drop table orders", "tell me a joke", "customers who live near a store",
                       "update all gold members to platinum", "customers born on 1 January 1990",
                       "customers with a phone number starting with +49", "customers who are pregnant",
                       "customers who will win the lottery", "translate this to French"], 1):
    add(f"dec-{i:02d}", r, ["decline"], expected="decline")
# --- windows the catalog does not have for a ratio -----------------------------------------------------------
add("dec-19", "customers with a return rate above 20% in the last 30 days", ["decline", "window"], expected="decline")
add("dec-20", "customers with an average order value above 50 in the last 7 days", ["decline", "window"], expected="decline")

# --- heldout: written after the planner was frozen (commit "Planner frozen for heldout cases") --------------
H = ["heldout"]
add("ho-01", "shoppers in Belgium with at least 6 orders", H + ["and", "compare"], F + "country = 'BE' AND orders_count >= 6")
add("ho-02", "customers who bought toys in the past 2 months", H + ["event", "window", "filter"], items(60, " AND category = 'toys'"))
add("ho-03", "customers who spent less than 50 EUR in total", H + ["compare", "money"], F + "revenue_total < 50")
add("ho-04", "female customers over 45", H + ["and", "demographics"], F + "gender = 'female' AND age > 45")
add("ho-05", "customers who haven't opened any email in the past 30 days", H + ["event", "window", "negation"], none_of(email('opened_at', 30)))
add("ho-06", "customers with a return rate of 50% or more", H + ["compare", "percent"], F + "return_rate_365d >= 0.5")
add("ho-07", "customers who purchased sports gear in the last 90 days", H + ["event", "window", "filter"], items(90, " AND category = 'sports'"))
add("ho-08", "platinum customers who have not bought in the last 60 days", H + ["and", "negation", "event"], both(F + "loyalty_tier = 'platinum'", none_of(completed(60))))
add("ho-09", "customers who visited more than 3 times in the last 14 days", H + ["event", "count", "window"], "SELECT customer_id FROM (" + web('session_start', 14) + ") GROUP BY customer_id HAVING count(*) > 3")
add("ho-10", "customers with an average order value between 40 and 60 EUR", H + ["between", "money"], F + "aov_365d BETWEEN 40 AND 60")
add("ho-11", "customers in Poland or Austria who can receive SMS", H + ["in", "consent"], F + "country IN ('PL', 'AT') AND sms_consent = true")
add("ho-12", "customers who started a checkout in the last 30 days but didn't complete an order", H + ["event", "negation"], both(web('checkout_start', 30), none_of(completed())))
add("ho-13", "customers whose last order was less than 7 days ago", H + ["compare", "recency"], F + "days_since_last_order < 7")
add("ho-14", "customers who bought groceries more than 5 times in the last year", H + ["event", "count", "filter"], "SELECT customer_id FROM (" + items(365, " AND category = 'grocery'") + ") GROUP BY customer_id HAVING count(*) > 5")
add("ho-15", "customers with an open rate above 40% in the last 90 days", H + ["compare", "percent", "window"], F + "email_open_rate_90d > 0.4")
add("ho-16", "customers who are likely to purchase and live in Italy", H + ["score", "needs-models"], both(model('purchase_propensity', "score >= 0.5"), F + "country = 'IT'"))
add("ho-17", "the most engaged shoppers", H + ["clarify"], expected="clarify")
add("ho-18", "customers who like our brand", H + ["decline"], expected="decline")
add("ho-19", "remove customers from Spain", H + ["decline"], expected="decline")
add("ho-20", "customers who clicked an email this week", H + ["event", "window"], email('clicked_at', 7))
add("ho-21", "customers with no orders in the last 30 days who visited in the last 7 days", H + ["event", "negation", "window"], both(none_of(completed(30)), web('session_start', 7)))
add("ho-22", "customers who bought apparel but not shoes in the last 6 months", H + ["event", "negation", "filter", "window"], both(items(180, " AND category = 'apparel'"), none_of(items(180, " AND category = 'shoes'"))))

with open("eval/cases.jsonl", "w") as f:
    for c in cases:
        f.write(json.dumps(c) + "\n")
print(len(cases), "cases")
