package nl.kindplan.hub.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import nl.kindplan.hub.cijfers.Maandcijfers;
import nl.kindplan.hub.cijfers.Niveau;
import nl.kindplan.hub.privacy.Verwerkingenlog;
import nl.kindplan.hub.privacy.Verwerkingsactiviteiten;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/cijfers?van=yyyy-MM&tot=yyyy-MM&niveau=gemeente|swv} (viewers): the monthly figures
 * as CSV ({@code ;}-separated, with a header), or as JSON for the page {@code /cijfers.html} when the
 * caller asks for {@code application/json}. Counts only, 1 to 4 as "&lt;5". A CSV download is an export
 * and is recorded in the processing log (without a subject: it holds no child).
 */
@RestController
public class CijfersController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    public record Antwoord(YearMonth van, YearMonth tot, Niveau niveau, List<String> kolommen,
                           List<Maandcijfers.Rij> rijen) {
    }

    private final Maandcijfers cijfers;
    private final Verwerkingenlog verwerkingen;

    public CijfersController(Maandcijfers cijfers, Verwerkingenlog verwerkingen) {
        this.cijfers = cijfers;
        this.verwerkingen = verwerkingen;
    }

    @GetMapping("/api/cijfers")
    public ResponseEntity<?> cijfers(@RequestParam(required = false) String van, @RequestParam(required = false) String tot,
                                     @RequestParam(defaultValue = "gemeente") String niveau,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                     Authentication auth) {
        YearMonth tm = tot == null ? YearMonth.now() : month("tot", tot);
        YearMonth vm = van == null ? tm.minusMonths(11) : month("van", van);
        Niveau n;
        List<Maandcijfers.Rij> rows;
        try {
            n = Niveau.parse(niveau);
            rows = cijfers.figures(vm, tm, n);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
        }
        if (wantsJson(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new Antwoord(vm, tm, n, Maandcijfers.KOLOMMEN, rows));
        }
        Gebruiker gebruiker = Gebruiker.of(auth);
        verwerkingen.record(Verwerkingsactiviteiten.CIJFERS, null, gebruiker.naam(), gebruiker.rol());
        String name = "kindplan-cijfers-" + n.name().toLowerCase(java.util.Locale.ROOT) + "-" + vm + "-" + tm + ".csv";
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(csv(rows));
    }

    /** JSON only when asked for before (or without) CSV; a browser, curl or a spreadsheet gets CSV. */
    private static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        int json = accept.indexOf("application/json");
        int csv = accept.indexOf("text/csv");
        return json >= 0 && (csv < 0 || json < csv);
    }

    private static String csv(List<Maandcijfers.Rij> rows) {
        List<String> header = new ArrayList<>(List.of("maand", "code", "naam"));
        header.addAll(Maandcijfers.KOLOMMEN);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.Builder.create().setDelimiter(';').setRecordSeparator("\n")
                .setHeader(header.toArray(String[]::new)).get().print(out)) {
            for (Maandcijfers.Rij row : rows) {
                List<Object> values = new ArrayList<>(List.of(row.maand().toString(), row.code(), row.naam()));
                Maandcijfers.KOLOMMEN.forEach(k -> values.add(row.cijfers().get(k)));
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " '" + value + "' is geen maand (jjjj-mm)", e);
        }
    }

}
