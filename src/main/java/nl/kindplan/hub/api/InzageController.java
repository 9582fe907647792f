package nl.kindplan.hub.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.kindplan.hub.privacy.Betrokkene;
import nl.kindplan.hub.privacy.RetentionSettings;
import nl.kindplan.hub.privacy.Verwerking;
import nl.kindplan.hub.privacy.Verwerkingenlog;
import nl.kindplan.hub.privacy.Verwerkingsactiviteiten;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/kinderen/{bsn}/inzage} (operators): what a privacy officer hands a parent who asks
 * what the hub holds of their child. JSON, or a printable page with {@code ?format=html} or
 * {@code Accept: text/html}. The request is itself recorded in the processing log, before it is
 * answered, so the answer lists it too. A number the hub does not (or no longer) know still gets an
 * answer: nothing held, and what the log recorded under its pseudonymised key.
 */
@RestController
@RequestMapping("/api/kinderen")
public class InzageController {

    private final KindDossiers dossiers;
    private final Verwerkingenlog verwerkingen;
    private final Verwerkingsactiviteiten register;
    private final Betrokkene betrokkene;
    private final RetentionSettings retention;

    public InzageController(KindDossiers dossiers, Verwerkingenlog verwerkingen, Verwerkingsactiviteiten register,
                            Betrokkene betrokkene, RetentionSettings retention) {
        this.dossiers = dossiers;
        this.verwerkingen = verwerkingen;
        this.register = register;
        this.betrokkene = betrokkene;
        this.retention = retention;
    }

    @GetMapping(path = "/{nummer}/inzage", produces = MediaType.APPLICATION_JSON_VALUE)
    public Inzage inzage(@PathVariable String nummer, Authentication auth) {
        if (!nummer.matches("[0-9]{9}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, KindController.waaromOngeldig(nummer));
        }
        Gebruiker gebruiker = Gebruiker.of(auth);
        Optional<Long> kindId = dossiers.kindId(nummer);
        String key = kindId.map(betrokkene::key).orElseGet(() -> betrokkene.keys(nummer).iterator().next());
        String traceId = verwerkingen.record(Verwerkingsactiviteiten.INZAGEVERZOEK, key, gebruiker.naam(),
                gebruiker.rol());
        KindRecord gegevens = kindId.flatMap(dossiers::record).orElse(null);
        Set<String> keys = betrokkene.keys(nummer);
        List<Verwerking> log = verwerkingen.of(keys);
        List<Verwerkingsactiviteiten.Activiteit> activiteiten = log.stream().map(Verwerking::activiteit).distinct()
                .map(register::find).flatMap(Optional::stream).toList();
        return new Inzage(LocalDateTime.now(), gebruiker.naam(), traceId, gegevens != null, gegevens, log,
                activiteiten, Inzage.Bewaartermijnen.of(retention));
    }

    @GetMapping(path = "/{nummer}/inzage", produces = MediaType.TEXT_HTML_VALUE)
    public String inzagePagina(@PathVariable String nummer, Authentication auth) {
        return InzagePagina.render(inzage(nummer, auth));
    }

    @GetMapping(path = "/{nummer}/inzage", params = "format=html", produces = MediaType.TEXT_HTML_VALUE)
    public String inzagePaginaOpVerzoek(@PathVariable String nummer, Authentication auth) {
        return inzagePagina(nummer, auth);
    }

}
