package nl.kindplan.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.event.ExchangeFailedEvent;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/**
 * An operator stops and starts a route from the dashboard, each action recorded with the user; a
 * viewer may not; the summary knows the next night and the routes know their last error.
 */
class RouteControlTest extends HubTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CamelContext camel;
    @Autowired
    RouteFailures failures;

    @Test
    void anOperatorStopsAndStartsARouteAndBothAreRecorded() {
        HubApi api = new HubApi(http);
        try {
            JsonNode stopped = api.post("/api/dashboard/routes/ingest-edexml/stoppen").getBody();
            assertThat(stopped.path("status").asString()).isEqualTo("Stopped");
            assertThat(camel.getRouteController().getRouteStatus("ingest-edexml")).isEqualTo(ServiceStatus.Stopped);
            assertThat(DashboardApiTest.find(api.get("/api/dashboard/routes"), "routeId", "ingest-edexml")
                    .path("status").asString()).isEqualTo("Stopped");
        } finally {
            assertThat(api.post("/api/dashboard/routes/ingest-edexml/starten").getBody().path("status").asString())
                    .isEqualTo("Started");
        }
        assertThat(camel.getRouteController().getRouteStatus("ingest-edexml")).isEqualTo(ServiceStatus.Started);

        JsonNode actions = api.get("/api/dashboard/routes/acties");
        assertThat(actions.get(0).path("actie").asString()).isEqualTo("START");
        assertThat(actions.get(1).path("actie").asString()).isEqualTo("STOP");
        for (JsonNode action : java.util.List.of(actions.get(0), actions.get(1))) {
            assertThat(action.path("routeId").asString()).isEqualTo("ingest-edexml");
            assertThat(action.path("door").asString()).isEqualTo(OPERATOR);
            assertThat(action.path("tijdstip").asString()).as("with its offset").matches(".*(Z|[+-]\\d\\d:\\d\\d)$");
        }
        assertThat(actions.get(1).path("uitkomst").asString()).isEqualTo("Stopped");
    }

    @Test
    void aViewerMayNotAndAnUnknownRouteIs404() {
        assertThat(HubApi.asViewer(http).post("/api/dashboard/routes/ingest-edexml/stoppen").getStatusCode().value())
                .isEqualTo(403);
        assertThat(camel.getRouteController().getRouteStatus("ingest-edexml")).isEqualTo(ServiceStatus.Started);
        var unknown = new HubApi(http).post("/api/dashboard/routes/bestaat-niet/stoppen");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().path("fout").asString()).isEqualTo("geen route 'bestaat-niet'");
    }

    @Test
    void theStatusTellsTheNextNightOfTheSchedule() {
        JsonNode status = new HubApi(http).get("/api/dashboard/status");
        java.time.OffsetDateTime next = java.time.OffsetDateTime.parse(status.path("volgendeNacht").asString());
        assertThat(next).isAfter(java.time.OffsetDateTime.now());
        assertThat(next.atZoneSameInstant(java.time.ZoneId.systemDefault()).getHour()).as("kindplan.run.cron: 02:00")
                .isEqualTo(2);
    }

    @Test
    void aFailedExchangeIsTheLastErrorOfItsRouteWithoutAFullBsn() {
        assertThat(camel.getManagementStrategy().getEventNotifiers()).as("registered with Camel").contains(failures);
        RouteFailures own = new RouteFailures();
        DefaultExchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getExchangeExtension().setFromRouteId("ingest-verzuim");
        exchange.setException(new IllegalStateException("store down while storing 123456782"));
        own.notify(new ExchangeFailedEvent(exchange));
        assertThat(own.last("ingest-verzuim")).get().extracting(RouteFailures.Failure::fout)
                .isEqualTo("IllegalStateException: store down while storing ******782");
        assertThat(own.last("nightly-run")).isEmpty();
    }
}
