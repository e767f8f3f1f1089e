package dev.segmentagent.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The process {@link CrashRecoveryTest} kills: the service on a given data folder, a few saved segments, then
 * new versions and full refreshes in a loop, forever, printing a line per round so the parent knows it is
 * mid-refresh. Never run by the test suite itself (no {@code Test} in its name).
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        ObjectMapper json = new ObjectMapper();
        try (ApplicationContext context = ApplicationContext.builder().environments("test")
                .properties(CrashRecoveryTest.properties(dataDir, Integer.parseInt(args[1])))
                .start()) {
            SegmentService segments = context.getBean(SegmentService.class);
            LiveSegments live = context.getBean(LiveSegments.class);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(segments.create(new SegmentService.SaveCommand("crash " + i, null,
                        json.readTree(definition(i, 0)), null), "crash-child").id());
            }
            System.out.println("READY");
            for (int round = 1; ; round++) {
                for (int i = 0; i < ids.size(); i++) {
                    segments.update(ids.get(i), new SegmentService.SaveCommand("crash " + i, null,
                            json.readTree(definition(i, round)), null), "crash-child");
                }
                System.out.println("REFRESHING " + round);
                live.refreshAll(LiveSegments.MANUAL);
            }
        }
    }

    /** A threshold that moves every round, so each version has a different member set. */
    static String definition(int segment, int round) {
        double threshold = 20 + (segment * 37 + round * 13) % 400;
        return "{\"condition\": {\"type\": \"compare\", \"field\": \"revenue_total\", \"op\": \">=\", \"value\": "
                + threshold + "}}";
    }
}
