package nl.kindplan.hub.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

@DisplayName("All thresholds are defaults that live in configuration (kindplan.signals.*)")
class SignalSettingsTest {

    @Test
    @DisplayName("defaults are signals.md's values")
    void defaults() {
        SignalSettings s = SignalSettings.defaults();

        assertThat(s.plichtigMinAge()).isEqualTo(5);
        assertThat(s.plichtigMaxAge()).isEqualTo(17);
        assertThat(s.escalationDays()).isEqualTo(91);
        assertThat(s.absoluutVerzuimGraceDays()).isEqualTo(7);
        assertThat(s.zorgNietToegewezenWorkingDays()).isEqualTo(5);
        assertThat(s.zorgGestoptWindowDays()).isEqualTo(90);
        assertThat(s.zorgGestoptRedenen()).containsExactly("32", "33", "36");
        assertThat(s.absoluutVerzuimExemptRedenen()).containsExactly("EMIGRATIE", "DIPLOMA", "OVERLIJDEN");
        assertThat(s.openMeldingStatussen()).containsExactly("R", "B");
        assertThat(s.luxeVerzuimSoorten()).containsExactly("L");
        assertThat(s.thuiszitterSoorten()).containsExactly("LRV");
        assertThat(s.matchSoorten()).containsExactly("V3", "V4", "LRV");
    }

    @Test
    @DisplayName("binding with no kindplan.signals keys gives exactly the defaults")
    void binding_zonder_sleutels() {
        assertThat(bind(Map.of())).isEqualTo(SignalSettings.defaults());
    }

    @Test
    @DisplayName("a key overrides its default; codes are normalised (trimmed, upper case)")
    void binding_met_sleutels() {
        SignalSettings s = bind(Map.of(
                "kindplan.signals.escalation-days", "60",
                "kindplan.signals.match-soorten", "v3, lrv"));

        assertThat(s.escalationDays()).isEqualTo(60);
        assertThat(s.matchSoorten()).containsExactly("V3", "LRV");
        assertThat(s.plichtigMaxAge()).isEqualTo(17);
    }

    @Test
    @DisplayName("nonsense is refused at start-up: a negative period, or min age above max age")
    void ongeldige_waarden() {
        assertThatThrownBy(() -> bind(Map.of("kindplan.signals.escalation-days", "-1")))
                .isInstanceOf(BindException.class).hasRootCauseMessage("escalation-days must not be negative, got -1");
        assertThatThrownBy(() -> new SignalSettings(18, 5, 91, 7, 5, 90, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static SignalSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("kindplan.signals", SignalSettings.class);
    }
}
