package nl.kindplan.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The route files are written in the canonical YAML DSL notation: since 4.22 Camel warns at every start
 * for a file in the compact one (an EIP given as a plain value, such as {@code to: direct:x} or
 * {@code simple: "${body}"} under setHeader). Each file of routes/ is loaded here through Camel's own
 * YAML loader, into a context that is never started, and the loader's warnings are listened to.
 */
class RouteFilesNotationTest {

    private static final Path ROUTES = Path.of("routes");
    /** the loader's package: YamlDeserializerBase and YamlRoutesBuilderLoader log the warning */
    private final Logger yamlDsl = (Logger) LoggerFactory.getLogger("org.apache.camel.dsl.yaml");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = yamlDsl.getLevel();
        yamlDsl.setLevel(Level.WARN);
        log.start();
        yamlDsl.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        yamlDsl.detachAppender(log);
        yamlDsl.setLevel(levelBefore);
    }

    @Test
    void noRouteFileIsInCompactNotation() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(ROUTES)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            for (Path file : files) {
                PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:" + file));
            }
            assertThat(((ModelCamelContext) camel).getRouteDefinitions()).extracting(r -> r.getRouteId())
                    .contains("nightly-run", "deliver-outbox", "deliver-webhook", "dead-letter", "ingest-verzuim");
        }
        assertThat(compactWarnings()).isEmpty();
    }

    /** the check above hears the warning: a route with one compact step draws it */
    @Test
    void aCompactStepDrawsTheWarning() throws Exception {
        Resource compact = ResourceHelper.fromString("compact.yaml", """
                - route:
                    id: compact
                    from:
                      uri: direct:compact
                      steps:
                        - to: direct:elsewhere
                """);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(compact);
        }
        assertThat(compactWarnings()).singleElement().asString().contains("compact.yaml");
    }

    private List<String> compactWarnings() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("compact notation")).toList();
    }
}
