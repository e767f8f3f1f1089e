package dev.segmentagent.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rule-based names and one-line personas for behaviour clusters, from how each cluster differs from the base.
 * A cluster's strongest deviation gives the adjective, the next one the noun ("Weekend" + "discount hunters"),
 * so the name says the two things that set the group apart. Deviations under {@link #NOTABLE} standard
 * deviations do not name anything; a cluster with none is "Everyday regulars". Names are unique within a run.
 */
final class ClusterNamer {

    static final double NOTABLE = 0.5;

    /** How a feature reads when a cluster is above (high) or below (low) the base. */
    private record Descriptor(String feature, boolean high, String adjective, String noun,
                              Function<Double, String> phrase) {}

    private static final List<Descriptor> DESCRIPTORS = List.of(
            new Descriptor("weekend_order_share", true, "Weekend", "weekend shoppers",
                    v -> percent(v) + " of orders on weekends"),
            new Descriptor("weekend_session_share", true, "Weekend", "weekend browsers",
                    v -> percent(v) + " of visits on weekends"),
            new Descriptor("discount_share", true, "Discount", "discount hunters",
                    v -> percent(v) + " of orders with a discount"),
            new Descriptor("premium_share", true, "Premium", "premium loyalists",
                    v -> percent(v) + " of items from premium brands"),
            new Descriptor("views_per_order", true, "Browsing", "window shoppers",
                    v -> String.format(Locale.ROOT, "%.0f product views per order", v)),
            new Descriptor("orders_per_year", true, "Frequent", "frequent buyers",
                    v -> String.format(Locale.ROOT, "%.1f orders a year", v)),
            new Descriptor("orders_per_year", false, "Occasional", "occasional buyers",
                    v -> String.format(Locale.ROOT, "%.1f orders a year", v)),
            new Descriptor("single_order_lapsed", true, "One-time", "one-time buyers",
                    v -> "mostly a single order, placed months ago"),
            new Descriptor("seasonal_rhythm", true, "Seasonal", "seasonal buyers",
                    v -> "orders at the same point of every quarter"),
            // activity_fade is ln(recent / expected activity): its exponent reads as a share of the usual rate
            new Descriptor("activity_fade", false, "Fading", "fading customers",
                    v -> "about " + percent(Math.exp(v)) + " of their usual activity in the last six months"),
            new Descriptor("email_open_rate", true, "Engaged", "email readers",
                    v -> "opens " + percent(v) + " of emails"),
            new Descriptor("email_open_rate", false, "Disengaged", "disengaged customers",
                    v -> "opens only " + percent(v) + " of emails"));

    /** A name and a persona for one cluster. */
    record Naming(String name, String persona) {}

    private final Set<String> used = new HashSet<>();

    Naming name(List<ClusterProfile.Deviation> deviations, Map<String, Double> centroid) {
        List<Descriptor> notable = new ArrayList<>();
        for (ClusterProfile.Deviation d : deviations) {
            if (Math.abs(d.z()) < NOTABLE) {
                continue;
            }
            descriptor(d).filter(x -> notable.stream().noneMatch(n -> n.adjective().equals(x.adjective())))
                    .ifPresent(notable::add);
        }
        String persona = persona(notable, centroid);
        for (String candidate : candidates(notable)) {
            if (used.add(candidate)) {
                return new Naming(candidate, persona);
            }
        }
        String base = candidates(notable).get(0);
        for (int n = 2; ; n++) {
            if (used.add(base + " " + n)) {
                return new Naming(base + " " + n, persona);
            }
        }
    }

    private static java.util.Optional<Descriptor> descriptor(ClusterProfile.Deviation d) {
        boolean high = d.z() > 0;
        return DESCRIPTORS.stream().filter(x -> x.feature().equals(d.feature()) && x.high() == high).findFirst();
    }

    /** Names in order of preference: adjective of the strongest + noun of the next, then other pairs, then nouns alone. */
    private static List<String> candidates(List<Descriptor> notable) {
        List<String> names = new ArrayList<>();
        if (notable.isEmpty()) {
            names.add("Everyday regulars");
            return names;
        }
        for (int i = 0; i < notable.size(); i++) {
            for (int j = 0; j < notable.size(); j++) {
                if (i != j && names.size() < 12) {
                    names.add(notable.get(i).adjective() + " " + notable.get(j).noun());
                }
            }
        }
        names.add(0, notable.size() == 1 ? capitalise(notable.get(0).noun()) : names.remove(0));
        if (notable.size() > 1) {
            names.add(capitalise(notable.get(0).noun()));
        }
        return names;
    }

    private static String persona(List<Descriptor> notable, Map<String, Double> centroid) {
        if (notable.isEmpty()) {
            return "Close to the average customer on every habit measured.";
        }
        List<String> parts = new ArrayList<>();
        for (Descriptor d : notable.subList(0, Math.min(3, notable.size()))) {
            parts.add(d.phrase().apply(centroid.getOrDefault(d.feature(), 0.0)));
        }
        return capitalise(String.join(", ", parts)) + ".";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
