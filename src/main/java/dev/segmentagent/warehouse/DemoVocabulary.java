package dev.segmentagent.warehouse;

import java.util.SplittableRandom;

/**
 * The fixed word lists of the demo shop: countries and cities, names, categories with their price levels,
 * products and search terms. Product ids are built once here so generating rows allocates no strings.
 */
final class DemoVocabulary {

    private DemoVocabulary() {
    }

    static final String[] COUNTRIES = {"DE", "FR", "GB", "IT", "ES", "NL", "AT", "PL", "SE", "BE"};
    static final double[] COUNTRY_CUMULATIVE = SeededRandom.cumulative(22, 14, 14, 10, 9, 8, 7, 6, 5, 5);
    private static final String[][] CITIES = {
            {"Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Leipzig"},
            {"Paris", "Lyon", "Marseille", "Toulouse", "Lille"},
            {"London", "Manchester", "Birmingham", "Leeds", "Glasgow"},
            {"Rome", "Milan", "Naples", "Turin", "Bologna"},
            {"Madrid", "Barcelona", "Valencia", "Seville", "Bilbao"},
            {"Amsterdam", "Rotterdam", "The Hague", "Utrecht", "Eindhoven"},
            {"Vienna", "Graz", "Linz", "Salzburg", "Innsbruck"},
            {"Warsaw", "Krakow", "Wroclaw", "Gdansk", "Poznan"},
            {"Stockholm", "Gothenburg", "Malmo", "Uppsala"},
            {"Brussels", "Antwerp", "Ghent", "Liege"},
    };
    private static final String[] PHONE_PREFIX = {"+49", "+33", "+44", "+39", "+34", "+31", "+43", "+48", "+46", "+32"};

    private static final String[] FEMALE_NAMES = {"Anna", "Maria", "Sophie", "Emma", "Laura", "Julia", "Clara",
            "Lena", "Chloe", "Giulia", "Lucia", "Eva", "Olivia", "Zofia", "Ella", "Nina"};
    private static final String[] MALE_NAMES = {"Lukas", "Paul", "Louis", "Hugo", "Oliver", "James", "Marco",
            "Luca", "Pablo", "Daan", "Jakub", "Erik", "Noah", "Felix", "Leon", "Tom"};
    private static final String[] LAST_NAMES = {"Muller", "Schmidt", "Martin", "Bernard", "Smith", "Jones",
            "Rossi", "Russo", "Garcia", "Lopez", "de Jong", "Jansen", "Gruber", "Nowak", "Andersson", "Peeters",
            "Weber", "Dubois", "Taylor", "Bianchi"};

    static final String[] GENDERS = {"female", "male", "other", "unknown"};
    static final double[] GENDER_CUMULATIVE = SeededRandom.cumulative(52, 44, 2, 2);

    static final String[] SIGNUP_CHANNELS = {"web", "app", "store", "referral"};
    static final double[] SIGNUP_CHANNEL_CUMULATIVE = SeededRandom.cumulative(50, 30, 12, 8);
    static final String[] ACQUISITION_SOURCES = {"organic", "paid_search", "paid_social", "affiliate", "email", "referral"};
    static final double[] ACQUISITION_CUMULATIVE = SeededRandom.cumulative(38, 22, 20, 9, 7, 4);

    static final String[] CATEGORIES = {"apparel", "shoes", "beauty", "electronics", "home", "sports", "toys",
            "grocery", "books", "jewelry"};
    static final double[] CATEGORY_CUMULATIVE = SeededRandom.cumulative(20, 12, 12, 8, 12, 9, 6, 10, 7, 4);
    /** Typical standard-tier list price per category, EUR. */
    static final double[] CATEGORY_BASE_PRICE = {39, 79, 24, 229, 49, 59, 29, 9, 16, 119};

    static final String[] BRAND_TIERS = {"value", "standard", "premium"};
    static final double[] BRAND_TIER_PRICE_FACTOR = {0.55, 1.0, 2.4};

    static final int PRODUCTS_PER_TIER = 150;
    private static final String[][][] PRODUCT_IDS = buildProductIds();

    private static final String[][] SEARCH_TERMS = {
            {"summer dress", "denim jacket", "wool sweater"},
            {"running shoes", "sneakers", "leather boots"},
            {"face cream", "perfume", "lipstick"},
            {"wireless headphones", "smartwatch", "laptop"},
            {"bed linen", "coffee machine", "desk lamp"},
            {"yoga mat", "tennis racket", "cycling helmet"},
            {"lego", "board game", "puzzle"},
            {"olive oil", "coffee beans", "dark chocolate"},
            {"crime novel", "cookbook", "travel guide"},
            {"gold necklace", "silver ring", "watch"},
    };

    static final String[] PLATFORMS = {"web", "ios", "android"};
    static final double[] PLATFORM_CUMULATIVE = SeededRandom.cumulative(55, 25, 20);

    static final String[] ORDER_CHANNELS = {"web", "app", "store"};

    static final double[] DISCOUNT_STEPS = {0.10, 0.15, 0.20, 0.25, 0.30};
    private static final String[] COUPONS = {"SAVE10", "WELCOME15", "SPRING20", "FLASH25", "VIP30"};

    private static String[][][] buildProductIds() {
        String[][][] ids = new String[CATEGORIES.length][BRAND_TIERS.length][PRODUCTS_PER_TIER];
        for (int c = 0; c < CATEGORIES.length; c++) {
            String prefix = CATEGORIES[c].substring(0, 3).toUpperCase();
            for (int t = 0; t < BRAND_TIERS.length; t++) {
                for (int p = 0; p < PRODUCTS_PER_TIER; p++) {
                    ids[c][t][p] = String.format("%s-%c%03d", prefix, BRAND_TIERS[t].charAt(0), p);
                }
            }
        }
        return ids;
    }

    static String city(int country, SplittableRandom random) {
        String[] cities = CITIES[country];
        // Capitals and large cities first: the square skews choices towards the front of the list.
        double u = random.nextDouble();
        return cities[(int) (u * u * cities.length)];
    }

    static String phone(int country, SplittableRandom random) {
        return PHONE_PREFIX[country] + (600_000_000L + random.nextInt(399_999_999));
    }

    static String firstName(String gender, SplittableRandom random) {
        String[] names = switch (gender) {
            case "female" -> FEMALE_NAMES;
            case "male" -> MALE_NAMES;
            default -> random.nextBoolean() ? FEMALE_NAMES : MALE_NAMES;
        };
        return names[random.nextInt(names.length)];
    }

    static String lastName(SplittableRandom random) {
        return LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    }

    static String email(String first, String last, long customerId) {
        // The id keeps addresses unique; the rest makes them look like addresses.
        return (first + "." + last.replace(" ", "")).toLowerCase() + "." + customerId + "@example.com";
    }

    static String productId(int category, int tier, int number) {
        return PRODUCT_IDS[category][tier][number];
    }

    static String searchTerm(int category, SplittableRandom random) {
        String[] terms = SEARCH_TERMS[category];
        return terms[random.nextInt(terms.length)];
    }

    static String coupon(int discountStep) {
        return COUPONS[discountStep];
    }
}
