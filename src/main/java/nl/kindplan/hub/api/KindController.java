package nl.kindplan.hub.api;

import nl.kindplan.hub.cases.CaseStore;
import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.store.KindStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/kinderen/{bsn}}: one child's whole record (an onderwijsnummer finds a child without BSN). */
@RestController
@RequestMapping("/api/kinderen")
public class KindController {

    private final KindStore store;
    private final CaseStore cases;
    private final Mappings mappings;

    public KindController(KindStore store, CaseStore cases, Mappings mappings) {
        this.store = store;
        this.cases = cases;
        this.mappings = mappings;
    }

    @GetMapping("/{nummer}")
    public KindRecord kind(@PathVariable String nummer) {
        if (!nummer.matches("[0-9]{9}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a BSN or onderwijsnummer has 9 digits");
        }
        return store.findKindId(nummer).flatMap(store::dossier)
                .map(d -> KindRecord.of(d, cases.cases(d.kindId()), mappings))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no child known by " + Elfproef.masker(nummer)));
    }
}
