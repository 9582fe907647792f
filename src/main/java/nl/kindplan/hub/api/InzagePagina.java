package nl.kindplan.hub.api;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import nl.kindplan.hub.privacy.Verwerking;
import nl.kindplan.hub.privacy.Verwerkingsactiviteiten;
import org.springframework.web.util.HtmlUtils;

/**
 * The inzage as a printable page (Dutch, plain HTML, no script): what the privacy officer prints or
 * saves as PDF for the parent. Every value is HTML-escaped.
 */
final class InzagePagina {

    private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private InzagePagina() {
    }

    static String render(Inzage inzage) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Inzage kindplan-hub</title>")
                .append("<style>body{font-family:sans-serif;font-size:10pt;margin:2em}table{border-collapse:collapse;")
                .append("margin-bottom:1em;width:100%}th,td{border:1px solid #999;padding:2px 4px;text-align:left;")
                .append("vertical-align:top}h2{margin-top:1.5em;page-break-after:avoid}tr{page-break-inside:avoid}")
                .append("</style></head><body>");
        h.append("<h1>Inzage: gegevens van een kind in kindplan-hub</h1>");
        h.append("<p>Opgesteld op ").append(e(TIJD.format(inzage.opgesteld()))).append(" door ")
                .append(e(inzage.opgesteldDoor())).append(" (kenmerk ").append(e(inzage.traceId())).append(").</p>");
        KindRecord g = inzage.gegevens();
        if (g == null) {
            h.append("<p><strong>De hub bewaart geen gegevens van dit kind</strong> (nooit ontvangen, of verwijderd na de ")
                    .append("bewaartermijn). Hieronder staat wat het verwerkingenlogboek over het kind vastlegde.</p>");
        } else {
            KindRecord.Kind k = g.kind();
            h.append("<h2>Het kind</h2>");
            table(h, List.of("BSN", "Onderwijsnummer", "Geboortedatum", "Achternaam", "Voorvoegsel", "Voornamen"),
                    List.of(k), x -> java.util.Arrays.asList(x.bsn(), x.onderwijsnummer(), x.geboortedatum(), x.achternaam(),
                            x.voorvoegsel(), x.voornamen()));
            h.append("<h2>Inschrijvingen</h2>");
            table(h, List.of("Bron", "Gemeente", "School (brin, vestiging)", "Samenwerkingsverband", "Onderwijssoort",
                    "Begin", "Einde", "Reden", "Herkomst"), g.inschrijvingen(), r -> java.util.Arrays.asList(r.bron(), r.gemeentecode(),
                    r.brin() + " " + r.vestiging(), r.samenwerkingsverband() == null ? "" : r.samenwerkingsverband().naam(),
                    r.onderwijssoort(), r.begindatum(), r.einddatum(), r.reden(), herkomst(r.herkomst())));
            h.append("<h2>Vrijstellingen</h2>");
            table(h, List.of("Bron", "Gemeente", "Vrijstelling", "Begin", "Einde", "Herkomst"), g.vrijstellingen(),
                    r -> java.util.Arrays.asList(r.bron(), r.gemeentecode(), r.vrijstelling(), r.begindatum(), r.einddatum(),
                            herkomst(r.herkomst())));
            h.append("<h2>Verzuimmeldingen (elke versie)</h2>");
            table(h, List.of("Melding", "Soort", "School", "Begin", "Einde", "Vermoedelijke reden", "Versie (mutatie)",
                    "Status", "Uren", "Herkomst"), g.meldingen().stream().flatMap(m -> m.versies().stream()
                    .map(v -> new Object[] {m, v})).toList(), mv -> {
                        KindRecord.Melding m = (KindRecord.Melding) mv[0];
                        KindRecord.Versie v = (KindRecord.Versie) mv[1];
                        return java.util.Arrays.asList(m.meldingsnummer(), m.verzuimsoort(), m.brin() + " " + m.vestiging(),
                                m.begindatum(), v.einddatum(), m.vermoedelijkeReden(), v.laatsteMutatie(), v.status(),
                                v.uren(), herkomst(v.herkomst()));
                    });
            h.append("<h2>Jeugdhulp</h2>");
            table(h, List.of("Bericht", "Dagtekening", "Gemeente", "Aanbieder", "Toewijzing", "Productcategorie",
                    "Productcode", "Verwijzer", "Ingang", "Begin", "Einde", "Reden beëindiging", "Herkomst"),
                    g.jeugdhulp(), j -> java.util.Arrays.asList(j.bericht(), j.dagtekening(), j.gemeentecode(), j.aanbieder(),
                            j.toewijzingNummer(), j.productcategorie(), j.productcode(), j.verwijzer(),
                            j.ingangsdatum(), j.begindatum(), j.einddatum(), j.redenBeeindiging(),
                            herkomst(j.herkomst())));
            h.append("<h2>Casussen en waarop ze berusten</h2>");
            table(h, List.of("Casus", "Signaal", "Samenwerkingsverband", "Ernst", "Sinds", "Open", "Gebeurtenis",
                    "Peildatum", "Gronden"),
                    g.casussen().stream().flatMap(c -> c.events().stream().map(ev -> new Object[] {c, ev})).toList(),
                    ce -> {
                        KindRecord.Casus c = (KindRecord.Casus) ce[0];
                        KindRecord.Gebeurtenis ev = (KindRecord.Gebeurtenis) ce[1];
                        String gronden = String.join("; ", ev.gronden().stream().map(gr -> gr.soort() + " " + gr.id()
                                + (gr.herkomst() == null ? "" : " (" + herkomst(gr.herkomst()) + ")")).toList());
                        return java.util.Arrays.asList(c.caseId(), c.signaalNaam(), c.samenwerkingsverband() == null ? ""
                                : c.samenwerkingsverband().code() + " " + java.util.Objects.toString(
                                c.samenwerkingsverband().naam(), ""), ev.severity(), c.since(), c.open() ? "ja" : "nee",
                                ev.omschrijving(), ev.asOf(), gronden);
                    });
        }
        h.append("<h2>Verwerkingen en verstrekkingen (verwerkingenlogboek)</h2>");
        table(h, List.of("Tijdstip", "Activiteit", "Door", "Rol", "Ontvanger", "Kanaal", "Uitkomst", "Signaal",
                "Velden (minimalisatieprofiel)", "Kenmerk"), inzage.verwerkingen(), (Verwerking v) -> java.util.Arrays.asList(
                TIJD.format(v.verwerktOp()), v.activiteitNaam() == null ? v.activiteit() : v.activiteitNaam(),
                v.actor(), v.rol(), v.ontvanger(), v.kanaal(), v.uitkomst(), v.signaal(),
                v.profiel() == null ? null : v.profiel() + ": " + v.velden(), v.traceId()));
        h.append("<h2>Waarvoor en op welke grondslag</h2>");
        table(h, List.of("Activiteit", "Doel", "Grondslag", "Bewaartermijn"), inzage.activiteiten(),
                (Verwerkingsactiviteiten.Activiteit a) -> java.util.Arrays.asList(a.naam(), a.doel(), String.join("; ", a.grondslag()),
                        a.bewaartermijn()));
        Inzage.Bewaartermijnen b = inzage.bewaartermijnen();
        h.append("<h2>Bewaartermijnen</h2><ul><li>Een kind zonder open casus en zonder nieuwe gegevens uit de bronnen: ")
                .append(e(b.kind())).append(" (ISO-8601), daarna wordt alles van het kind verwijderd.</li>")
                .append("<li>Een gesloten casus met zijn berichten: ").append(e(b.geslotenCasus())).append(".</li>")
                .append("<li>Ontvangen bronbestanden: ").append(b.bronbestandenDagen()).append(" dagen; afgekeurde bestanden: ")
                .append(b.afgekeurdeBestandenDagen()).append(" dagen.</li></ul>");
        return h.append("</body></html>").toString();
    }

    private static <T> void table(StringBuilder h, List<String> headers, List<T> rows, Function<T, List<?>> cells) {
        if (rows.isEmpty()) {
            h.append("<p>Geen.</p>");
            return;
        }
        h.append("<table><tr>");
        headers.forEach(c -> h.append("<th>").append(e(c)).append("</th>"));
        h.append("</tr>");
        for (T row : rows) {
            h.append("<tr>");
            cells.apply(row).forEach(c -> h.append("<td>").append(e(c)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static String herkomst(KindRecord.Herkomst herkomst) {
        return herkomst == null ? "" : herkomst.bestand() + ", regel " + herkomst.regel()
                + (herkomst.nacht() == null ? "" : ", nacht van " + herkomst.nacht().asOf());
    }

    private static String e(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(Objects.toString(value));
    }
}
