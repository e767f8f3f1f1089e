package dev.segmentagent.bootstrap;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMetadataPathTest {

    @Test
    void relative_h2_file_urls_become_absolute_and_keep_their_options() {
        String url = EmbeddedMetadataPath.absolute("jdbc:h2:file:data/bench/metadata;MODE=PostgreSQL");

        assertThat(url).isEqualTo("jdbc:h2:file:" + Path.of("data/bench/metadata").toAbsolutePath().normalize()
                + ";MODE=PostgreSQL");
    }

    @Test
    void absolute_home_and_non_h2_urls_are_left_alone() {
        assertThat(EmbeddedMetadataPath.absolute("jdbc:h2:file:/srv/data/metadata")).isEqualTo("jdbc:h2:file:/srv/data/metadata");
        assertThat(EmbeddedMetadataPath.absolute("jdbc:h2:file:~/metadata")).isEqualTo("jdbc:h2:file:~/metadata");
        assertThat(EmbeddedMetadataPath.absolute("jdbc:postgresql://db/segments")).isEqualTo("jdbc:postgresql://db/segments");
        assertThat(EmbeddedMetadataPath.absolute("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
    }
}
