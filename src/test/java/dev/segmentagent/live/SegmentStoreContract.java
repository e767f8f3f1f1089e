package dev.segmentagent.live;

import dev.segmentagent.live.SegmentStore.NewVersion;
import dev.segmentagent.live.SegmentStore.SavedSegment;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The behaviour every metadata database must give the segment store (run on H2 and on PostgreSQL). */
abstract class SegmentStoreContract {

    @Inject
    SegmentStore store;

    private static NewVersion content(String name, String json) {
        return new NewVersion(name, "test segment", json, "Customers who ...", "a request", "tester");
    }

    @Test
    void creating_a_segment_stores_version_one() {
        SavedSegment saved = store.create(content("High value " + UUID.randomUUID(), "{\"v\":1}"));

        assertThat(saved.segment().currentVersion()).isEqualTo(1);
        assertThat(store.current(saved.segment().id())).get()
                .satisfies(s -> assertThat(s.version().definitionJson()).isEqualTo("{\"v\":1}"));
    }

    @Test
    void every_change_adds_a_version_and_keeps_the_old_ones() {
        SavedSegment saved = store.create(content("Versions " + UUID.randomUUID(), "{\"v\":1}"));
        UUID id = saved.segment().id();

        store.update(id, content(saved.segment().name(), "{\"v\":2}"));
        store.update(id, content(saved.segment().name(), "{\"v\":3}"));

        assertThat(store.versions(id)).extracting(SegmentVersionRecord::version).containsExactly(3, 2, 1);
        assertThat(store.version(id, 1)).get()
                .satisfies(s -> assertThat(s.version().definitionJson()).isEqualTo("{\"v\":1}"));
        assertThat(store.current(id)).get().satisfies(s -> assertThat(s.segment().currentVersion()).isEqualTo(3));
    }

    @Test
    void saving_an_unchanged_definition_does_not_add_a_version() {
        SavedSegment saved = store.create(content("Same " + UUID.randomUUID(), "{\"v\":1}"));

        SavedSegment again = store.update(saved.segment().id(), content(saved.segment().name(), "{\"v\":1}"));

        assertThat(again.segment().currentVersion()).isEqualTo(1);
        assertThat(store.versions(saved.segment().id())).hasSize(1);
    }

    @Test
    void deleted_segments_disappear_from_reads_but_their_versions_remain_in_the_database() {
        SavedSegment saved = store.create(content("Doomed " + UUID.randomUUID(), "{\"v\":1}"));
        UUID id = saved.segment().id();

        store.softDelete(id);

        assertThat(store.current(id)).isEmpty();
        assertThatThrownBy(() -> store.versions(id)).isInstanceOf(SegmentNotFoundException.class);
        assertThatThrownBy(() -> store.softDelete(id)).isInstanceOf(SegmentNotFoundException.class);
    }

    @Test
    void listing_filters_by_name_fragment_case_insensitively_and_treats_wildcards_literally() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        store.create(content("Weekend shoppers " + tag, "{}"));
        store.create(content("100% discount " + tag, "{}"));

        assertThat(store.list("WEEKEND SHOPPERS " + tag, Pageable.from(0, 10)).getContent()).hasSize(1);
        assertThat(store.list("100% " + tag, Pageable.from(0, 10)).getContent()).hasSize(0);
        assertThat(store.list("100% discount " + tag, Pageable.from(0, 10)).getContent()).hasSize(1);
        assertThat(store.list("_eekend", Pageable.from(0, 10)).getContent()).isEmpty();
    }
}
