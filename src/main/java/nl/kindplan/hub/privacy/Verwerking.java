package nl.kindplan.hub.privacy;

import java.time.LocalDateTime;

/**
 * One entry of the processing log as an inzage shows it: what was done (activity), when, by whom,
 * and for a case message to whom, through which channel, with which fields. No BSN: the subject is
 * only its pseudonymised key, which the inzage does not repeat.
 */
public record Verwerking(long id, String activiteit, String activiteitNaam, String doel, LocalDateTime verwerktOp,
                         String actor, String rol, String traceId, Long runId, Long outboxId, String caseId,
                         String signaal, String ontvanger, String kanaal, String uitkomst, String profiel,
                         String velden) {
}
