package nl.kindplan.hub.api;


import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.privacy.Betrokkene;
import nl.kindplan.hub.privacy.Verwerkingenlog;
import nl.kindplan.hub.privacy.Verwerkingsactiviteiten;
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

    private final KindDossiers dossiers;
    private final Verwerkingenlog verwerkingen;
    private final Betrokkene betrokkene;

    public KindController(KindDossiers dossiers, Verwerkingenlog verwerkingen, Betrokkene betrokkene) {
        this.dossiers = dossiers;
        this.verwerkingen = verwerkingen;
        this.betrokkene = betrokkene;
    }

    @GetMapping("/{nummer}")
    public KindRecord kind(@PathVariable String nummer, Authentication auth) {
        if (!nummer.matches("[0-9]{9}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, waaromOngeldig(nummer));
        }
        long kindId = dossiers.kindId(nummer).orElseThrow(() -> notFound(nummer));
        KindRecord record = dossiers.record(kindId).orElseThrow(() -> notFound(nummer));
        Gebruiker gebruiker = Gebruiker.of(auth);
        verwerkingen.record(Verwerkingsactiviteiten.KIND_INZIEN, betrokkene.key(kindId), gebruiker.naam(),
                gebruiker.rol());
        return record;
    }

    private static ResponseStatusException notFound(String nummer) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "geen kind bekend met nummer " + Elfproef.masker(nummer));
    }

    /** Why a number is not a BSN or onderwijsnummer, without repeating it (it may be one mistyped). */
    static String waaromOngeldig(String nummer) {
        if (!nummer.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "geen BSN of onderwijsnummer: dat bestaat alleen uit cijfers, 9 stuks";
        }
        return "geen BSN of onderwijsnummer: dat heeft 9 cijfers, dit nummer heeft er " + nummer.length();
    }

}
