package nl.kindplan.hub.delivery;

import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import nl.kindplan.hub.cases.CaseStore.StoredEvent;
import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.mapping.CodeTable;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.signal.KindContext;
import nl.kindplan.hub.signal.KindOpDatum;
import nl.kindplan.hub.signal.SignalSettings;
import nl.kindplan.hub.signal.Toewijzing;
import nl.kindplan.hub.signal.Toewijzingen;

/**
 * Composes the case message of outputs.md: the whole picture of the case for the gemeente, from
 * which {@link Minimisation} cuts what a samenwerkingsverband may get.
 */
public class CaseMessages {

    private final ObjectMapper json;
    private final Mappings mappings;
    private final SignalSettings settings;
    private final CodeTable productcategorieen;

    public CaseMessages(ObjectMapper json, Mappings mappings, SignalSettings settings) {
        this.json = json;
        this.mappings = mappings;
        this.settings = settings;
        this.productcategorieen = mappings.codeTable(Mappings.PRODUCTCATEGORIE);
    }

    public ObjectNode compose(KindDossier dossier, StoredEvent event, Recipient recipient, LocalDate asOf) {
        KindOpDatum opDatum = new KindOpDatum(dossier, asOf, settings);
        ObjectNode m = json.createObjectNode();
        m.put("caseId", event.caseId());
        m.put("event", event.event().name());
        m.put("signal", event.signal().name());
        m.put("severity", event.severity().name());
        m.put("since", event.since().toString());
        m.put("asOf", asOf.toString());
        ObjectNode r = m.putObject("recipient");
        r.put("type", recipient.type().name());
        r.put("code", recipient.code());
        kind(m.putObject("kind"), dossier);
        KindContext.schoolRegistratie(dossier, asOf).ifPresent(s -> school(m.putObject("school"), s, asOf));
        verzuim(m.putArray("verzuim"), opDatum.meldingen());
        jeugdhulp(m.putObject("jeugdhulp"), opDatum);
        ArrayNode gronden = m.putArray("gronden");
        event.gronden().forEach(g -> {
            ObjectNode n = gronden.addObject();
            n.put("soort", g.soort().name());
            n.put("id", g.id());
            if (g.herkomst() != null) {
                n.put("bestand", g.herkomst().bestand());
                n.put("regel", g.herkomst().regel());
            }
        });
        return m;
    }

    private static void kind(ObjectNode k, KindDossier dossier) {
        var id = dossier.identiteit();
        putIfSet(k, "bsn", id.bsn());
        putIfSet(k, "onderwijsnummer", id.onderwijsnummer());
        putIfSet(k, "geboortedatum", id.geboortedatum());
        putIfSet(k, "achternaam", id.achternaam());
        putIfSet(k, "voorvoegsel", id.voorvoegsel());
        putIfSet(k, "voornamen", id.voornamen());
        KindContext.gemeente(dossier).ifPresent(g -> k.put("gemeentecode", g));
    }

    private void school(ObjectNode s, Registratie r, LocalDate asOf) {
        s.put("brin", r.brin());
        s.put("vestiging", r.vestiging());
        putIfSet(s, "onderwijssoort", r.onderwijssoort());
        s.put("ingeschreven", r.geldigOp(asOf));
        putIfSet(s, "begindatum", r.begindatum());
        putIfSet(s, "einddatum", r.einddatum());
        putIfSet(s, "reden", r.reden());
        mappings.samenwerkingsverband(r.brin(), r.vestiging()).ifPresent(swv -> {
            ObjectNode n = s.putObject("samenwerkingsverband");
            n.put("code", swv.code());
            n.put("naam", swv.naam());
        });
    }

    private static void verzuim(ArrayNode list, List<Verzuimmelding> meldingen) {
        for (Verzuimmelding v : meldingen) {
            ObjectNode n = list.addObject();
            n.put("meldingsnummer", v.meldingsnummer());
            n.put("verzuimsoort", v.verzuimsoort());
            n.put("status", v.status());
            n.put("brin", v.brin());
            n.put("vestiging", v.vestiging());
            putIfSet(n, "begindatum", v.begindatum());
            putIfSet(n, "einddatum", v.einddatum());
            if (v.uren() != null) {
                n.put("uren", v.uren());
            }
            putIfSet(n, "vermoedelijkeReden", v.vermoedelijkeReden());
        }
    }

    private void jeugdhulp(ObjectNode j, KindOpDatum opDatum) {
        List<Toewijzing> actief = opDatum.actieveToewijzingen();
        j.put("actief", opDatum.jeugdhulpActief());
        ArrayNode vormen = j.putArray("vormen");
        actief.stream().map(t -> bredeVorm(t.jw301().productcategorie())).distinct().sorted().forEach(vormen::add);
        ArrayNode toewijzingen = j.putArray("toewijzingen");
        for (Toewijzing t : opDatum.toewijzingen()) {
            ObjectNode n = toewijzingen.addObject();
            n.put("toewijzingNummer", t.nummer());
            n.put("actief", actief.contains(t));
            JeugdhulpRegel jw301 = t.jw301();
            if (jw301 != null) {
                n.put("aanbieder", jw301.aanbieder());
                putIfSet(n, "referentieAanbieder", jw301.referentieAanbieder());
                putIfSet(n, "productcategorie", jw301.productcategorie());
                putIfSet(n, "productcode", jw301.productcode());
                putIfSet(n, "ingangsdatum", jw301.ingangsdatum());
                putIfSet(n, "einddatum", jw301.einddatum());
            } else {
                bekendZonderToewijzing(n, t, opDatum.jeugdhulp());
            }
        }
        ArrayNode berichten = j.putArray("berichten");
        for (JeugdhulpRegel r : opDatum.jeugdhulp()) {
            ObjectNode n = berichten.addObject();
            n.put("bericht", r.berichttype().name());
            n.put("dagtekening", r.dagtekening().toString());
            n.put("aanbieder", r.aanbieder());
            putIfSet(n, "toewijzingNummer", r.toewijzingNummer());
            putIfSet(n, "referentieAanbieder", r.referentieAanbieder());
            putIfSet(n, "productcategorie", r.productcategorie());
            putIfSet(n, "productcode", r.productcode());
            putIfSet(n, "verwijzer", r.verwijzerType());
            putIfSet(n, "begindatum", r.begindatum());
            putIfSet(n, "einddatum", r.einddatum());
            putIfSet(n, "redenBeeindiging", r.redenBeeindiging());
            putIfSet(n, "statusAanlevering", r.statusAanlevering());
        }
    }

    /**
     * A toewijzing whose JW301 the hub never stored (sent before the hub started, or refused): only
     * what its own JW305/JW307 messages say, with the message it comes from; no JW301 field is made up.
     */
    private static void bekendZonderToewijzing(ObjectNode n, Toewijzing t, List<JeugdhulpRegel> regels) {
        regels.stream()
                .filter(r -> t.nummer().equals(r.toewijzingNummer()))
                .filter(r -> r.berichttype() == JeugdhulpRegel.Berichttype.JW305
                        || r.berichttype() == JeugdhulpRegel.Berichttype.JW307)
                .max(Toewijzingen.BERICHTVOLGORDE)
                .ifPresent(r -> {
                    n.put("bekendUit", r.berichttype().name());
                    n.put("aanbieder", r.aanbieder());
                    putIfSet(n, "referentieAanbieder", r.referentieAanbieder());
                    putIfSet(n, "productcategorie", r.productcategorie());
                    putIfSet(n, "productcode", r.productcode());
                    putIfSet(n, "begindatum", r.begindatum());
                    putIfSet(n, "einddatum", r.einddatum());
                });
    }

    /** The broad form of jeugdhulp a samenwerkingsverband may know, from the Productcategorie table. */
    private String bredeVorm(String productcategorie) {
        return productcategorieen.resolve(productcategorie).map(c -> c.kolom("brede_vorm"))
                .filter(v -> v != null && !v.isBlank()).orElse("OVERIG");
    }

    private static void putIfSet(ObjectNode n, String field, Object value) {
        if (value != null) {
            n.put(field, value.toString());
        }
    }
}
