package dev.segmentagent.bootstrap;

import dev.segmentagent.warehouse.ProgressReporter;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the data before the server accepts requests, then prints where the service is. A request never
 * sees a half-generated warehouse because preparation runs on the start-up event, before the port opens.
 */
@Singleton
@Requires(property = "segment.startup.prepare-data", notEquals = "false")
class StartupPreparation implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupPreparation.class);

    private final DataPreparation preparation;
    private volatile DataPreparation.Readiness readiness;

    StartupPreparation(DataPreparation preparation) {
        this.preparation = preparation;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        readiness = preparation.ensureReady(ProgressReporter.console());
    }

    @Singleton
    @Requires(beans = StartupPreparation.class)
    static class ReadyAnnouncement implements ApplicationEventListener<ServerStartupEvent> {

        private final StartupPreparation startup;

        ReadyAnnouncement(StartupPreparation startup) {
            this.startup = startup;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            EmbeddedServer server = event.getSource();
            DataPreparation.Readiness r = startup.readiness;
            String data = r == null ? "" : String.format(" (%,d customers, data as of %s)", r.customers(), r.asOf());
            LOG.info("Segment Agent is ready at {}{}", server.getURL(), data);
            System.out.println("Segment Agent is ready at " + server.getURL() + data);
        }
    }
}
