package nl.kindplan.hub.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One version of a DUO verzuimmelding (inputs.md §1). Status R/B is open. */
public record Verzuimmelding(String meldingsnummer, LocalDateTime laatsteMutatie, String status,
                             String verzuimsoort, String brin, String vestiging, String gemeentecode,
                             LocalDate begindatum, LocalDate einddatum, BigDecimal uren,
                             String vermoedelijkeReden, Herkomst herkomst) {

    public boolean isOpen() {
        return "R".equals(status) || "B".equals(status);
    }
}
