package dev.segmentagent.live;

import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentResolver;
import dev.segmentagent.warehouse.CustomerIndexes;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One shared scan gives every segment exactly what its own compiled query gives, over all or a scope. */
@MicronautTest(startApplication = false)
class SharedScanTest {

    @Inject
    SharedScan scan;

    @Inject
    DefinitionPipeline pipeline;

    @Inject
    WarehouseFacts facts;

    @Test
    void sixty_five_segments_in_one_scan_match_their_one_by_one_results_across_two_mask_columns() {
        Instant asOf = facts.asOf();
        List<LiveSegment> segments = new ArrayList<>();
        for (int k = 0; k < 65; k++) { // 65 > 62: a second mask column is needed
            String condition = switch (k % 3) {
                case 0 -> "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": " + (k % 7) + "}";
                case 1 -> "{\"type\": \"event\", \"event\": \"product_view\", \"window\": {\"lastDays\": " + (k + 1) + "}}";
                default -> "{\"type\": \"not\", \"condition\": {\"type\": \"in\", \"field\": \"country\", \"values\": [\"DE\"]}}";
            };
            PreparedDefinition prepared = pipeline.prepare(SegmentJson.parse("{\"condition\": " + condition + "}"), asOf, null);
            segments.add(new LiveSegment(UUID.randomUUID(), 1, "s" + k, prepared,
                    SegmentDependencies.of(prepared.definition(), prepared.catalog(), SegmentResolver.none())));
        }

        Map<UUID, long[]> shared = scan.members(segments, null);
        long[] scope = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584};
        // a scope too large for a literal id list is read by a semi-join instead: same members
        long[] wide = java.util.stream.LongStream.rangeClosed(1, 3L * CustomerIndexes.LIST_LIMIT).filter(c -> c % 3 != 0)
                .toArray();
        Map<UUID, long[]> scoped = scan.members(segments, scope);
        Map<UUID, long[]> scopedWide = scan.members(segments, wide);

        for (LiveSegment segment : segments) {
            long[] alone = scan.members(List.of(segment), null).get(segment.id());
            assertThat(shared.get(segment.id())).as(segment.name()).containsExactly(alone);
            long[] expectedScoped = Arrays.stream(alone).filter(c -> Arrays.binarySearch(scope, c) >= 0).toArray();
            assertThat(scoped.get(segment.id())).as(segment.name() + " within the scope").containsExactly(expectedScoped);
            long[] expectedWide = Arrays.stream(alone).filter(c -> Arrays.binarySearch(wide, c) >= 0).toArray();
            assertThat(scopedWide.get(segment.id())).as(segment.name() + " within the wide scope")
                    .containsExactly(expectedWide);
        }
        assertThat(shared.values()).anyMatch(members -> members.length > 0);
        assertThat(scopedWide.values()).anyMatch(members -> members.length > 0);
    }
}
