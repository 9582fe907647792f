package nl.kindplan.hub.api;

import nl.kindplan.hub.cases.CaseStore;
import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.privacy.Betrokkene;
import nl.kindplan.hub.privacy.Verwerkingenlog;
import nl.kindplan.hub.privacy.Verwerkingsactiviteiten;
import nl.kindplan.hub.store.KindStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/kinderen/{bsn}}: one child's whole record (an onderwijsnummer finds a child without BSN).
 * Every view is recorded in the processing log (who, in which role), before the record is shown.
 */
@RestController
@RequestMapping("/api/kinderen")
public class KindController {

    private final KindStore store;
    private final CaseStore cases;
    private final Mappings mappings;
    private final Verwerkingenlog verwerkingen;
    private final Betrokkene betrokkene;

    public KindController(KindStore store, CaseStore cases, Mappings mappings, Verwerkingenlog verwerkingen,
                          Betrokkene betrokkene) {
        this.store = store;
        this.cases = cases;
        this.mappings = mappings;
        this.verwerkingen = verwerkingen;
        this.betrokkene = betrokkene;
    }

    @GetMapping("/{nummer}")
    public KindRecord kind(@PathVariable String nummer, Authentication auth) {
        if (!nummer.matches("[0-9]{9}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a BSN or onderwijsnummer has 9 digits");
        }
        long kindId = store.findKindId(nummer).orElseThrow(() -> notFound(nummer));
        KindRecord record = store.dossier(kindId).map(d -> KindRecord.of(d, cases.cases(kindId), mappings))
                .orElseThrow(() -> notFound(nummer));
        Gebruiker gebruiker = Gebruiker.of(auth);
        verwerkingen.record(Verwerkingsactiviteiten.KIND_INZIEN, betrokkene.key(kindId), gebruiker.naam(),
                gebruiker.rol());
        return record;
    }

    private static ResponseStatusException notFound(String nummer) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no child known by " + Elfproef.masker(nummer));
    }
}
