package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;

/**
 * The first day after D on which a child's signals could be other than on D, if its record stays
 * as it is: a delta night evaluates only the children whose record changed or whose day has come.
 * <p>
 * Every date test of signals.md compares D with a date of the record plus a fixed offset (a day,
 * the grace period, the escalation period, the zorg-gestopt window), with the working days after a
 * JW315's Dagtekening, or with a birthday. So the candidates are every date of the record with each
 * of those offsets, the JW315 deadlines and the birthdays that start and end plichtig; the answer
 * is the earliest after D. More candidates than needed only wake a child early; none is missed.
 */
public final class NextChange {

    private NextChange() {
    }

    public static Optional<LocalDate> after(KindDossier dossier, LocalDate asOf, SignalSettings s) {
        Earliest earliest = new Earliest(asOf);
        int[] offsets = {0, 1, s.absoluutVerzuimGraceDays(), s.absoluutVerzuimGraceDays() + 1, s.escalationDays(),
                s.escalationDays() + 1, s.zorgGestoptWindowDays() + 1};
        Consumer<LocalDate> fact = d -> {
            if (d != null) {
                for (int offset : offsets) {
                    earliest.offer(d.plusDays(offset));
                }
            }
        };
        LocalDate geboren = dossier.identiteit() == null ? null : dossier.identiteit().geboortedatum();
        if (geboren != null) {
            earliest.offer(geboren.plusYears(s.plichtigMinAge()));
            earliest.offer(geboren.plusYears(s.plichtigMaxAge() + 1L));
        }
        for (Registratie r : lijst(dossier.registraties())) {
            fact.accept(r.begindatum());
            fact.accept(r.einddatum());
        }
        for (Verzuimmelding m : lijst(dossier.meldingen())) {
            fact.accept(m.begindatum());
            fact.accept(m.einddatum());
        }
        for (JeugdhulpRegel j : lijst(dossier.jeugdhulp())) {
            fact.accept(j.dagtekening());
            fact.accept(j.ingangsdatum());
            fact.accept(j.begindatum());
            fact.accept(j.einddatum());
            if (j.berichttype() == JeugdhulpRegel.Berichttype.JW315 && j.dagtekening() != null) {
                earliest.offer(Werkdagen.werkdagNa(j.dagtekening(), s.zorgNietToegewezenWorkingDays() + 1));
            }
        }
        return Optional.ofNullable(earliest.value);
    }

    private static <T> java.util.List<T> lijst(java.util.List<T> l) {
        return l == null ? java.util.List.of() : l;
    }

    /** The earliest date offered that lies after D. */
    private static final class Earliest {
        private final LocalDate asOf;
        private LocalDate value;

        Earliest(LocalDate asOf) {
            this.asOf = asOf;
        }

        void offer(LocalDate d) {
            if (d.isAfter(asOf) && (value == null || d.isBefore(value))) {
                value = d;
            }
        }
    }
}
