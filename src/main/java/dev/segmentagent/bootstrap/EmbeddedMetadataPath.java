package dev.segmentagent.bootstrap;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2 refuses file URLs that are implicitly relative ("data/metadata"), yet the embedded metadata file lives in
 * the data folder, which users give as they like ({@code --data-dir data}, {@code SEGMENT_DATA_DIR=data}).
 * Such URLs are made absolute against the working directory before the pool opens.
 */
@Singleton
class EmbeddedMetadataPath implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:file:([^;]+)(.*)$");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl();
        if (url != null) {
            configuration.setUrl(absolute(url));
        }
        return configuration;
    }

    static String absolute(String url) {
        Matcher m = H2_FILE.matcher(url);
        if (!m.matches() || m.group(1).startsWith("~")) {
            return url;
        }
        return "jdbc:h2:file:" + Path.of(m.group(1)).toAbsolutePath().normalize() + m.group(2);
    }
}
