package nl.kindplan.hub.api;

import java.time.LocalDateTime;
import java.util.List;

import nl.kindplan.hub.privacy.RetentionSettings;
import nl.kindplan.hub.privacy.Verwerking;
import nl.kindplan.hub.privacy.Verwerkingsactiviteiten.Activiteit;

/**
 * The answer to an inzage request (AVG art. 15) for one child: everything the hub holds of it, with
 * where each fact came from ({@code herkomst}: file and line), every processing and disclosure of it
 * from the processing log, the activities those were for (purpose, legal basis), and how long the hub
 * keeps it. {@code gegevens} is null when the hub holds nothing (never had the child, or purged it).
 */
public record Inzage(LocalDateTime opgesteld, String opgesteldDoor, String traceId, boolean bekend,
                     KindRecord gegevens, List<Verwerking> verwerkingen, List<Activiteit> activiteiten,
                     Bewaartermijnen bewaartermijnen) {

    public record Bewaartermijnen(String kind, String geslotenCasus, int bronbestandenDagen,
                                  int afgekeurdeBestandenDagen) {

        static Bewaartermijnen of(RetentionSettings r) {
            return new Bewaartermijnen(r.kind().toString(), r.closedCase().toString(), r.archiveDays(), r.errorDays());
        }
    }
}
