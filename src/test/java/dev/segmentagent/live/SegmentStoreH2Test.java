package dev.segmentagent.live;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The embedded default: H2 in PostgreSQL mode, migrated by Flyway at start. */
@MicronautTest(startApplication = false)
class SegmentStoreH2Test extends SegmentStoreContract {
}
