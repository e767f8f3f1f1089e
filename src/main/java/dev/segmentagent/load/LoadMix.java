package dev.segmentagent.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Weights of the users' request kinds, e.g. {@code preview=80,save=10,generate=10} (the default) or
 * {@code preview=1} to measure what previews alone hold: in a closed loop a slow kind takes users away from the
 * others, so the default mix's preview rate is not the preview capacity.
 */
public record LoadMix(Map<RequestKind, Integer> weights) {

    public static final String DEFAULT = "preview=80,save=10,generate=10";

    public LoadMix {
        weights = Map.copyOf(weights);
        if (weights.isEmpty() || weights.containsKey(RequestKind.EVENTS)
                || weights.values().stream().anyMatch(w -> w < 0) || weights.values().stream().mapToInt(w -> w).sum() == 0) {
            throw new IllegalArgumentException("a mix weighs preview, save and generate, at least one above 0");
        }
    }

    public static LoadMix parse(String text) {
        Map<RequestKind, Integer> weights = new EnumMap<>(RequestKind.class);
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("mix entries look like preview=80, got '" + part + "'");
            }
            weights.put(RequestKind.valueOf(kv[0].trim().toUpperCase(Locale.ROOT)), Integer.parseInt(kv[1].trim()));
        }
        return new LoadMix(weights);
    }

    /** The kinds with a weight above 0, in a fixed order. */
    List<RequestKind> kinds() {
        List<RequestKind> kinds = new ArrayList<>();
        for (RequestKind kind : RequestKind.values()) {
            if (weights.getOrDefault(kind, 0) > 0) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    RequestKind pick(SplittableRandom random) {
        int roll = random.nextInt(weights.values().stream().mapToInt(w -> w).sum());
        for (RequestKind kind : kinds()) {
            roll -= weights.get(kind);
            if (roll < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights sum checked in the constructor");
    }
}
