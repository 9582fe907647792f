package nl.kindplan.hub.domain;

import java.util.List;

/**
 * Everything the store knows about one child: the 'één kind, één plan' record that the signals
 * are evaluated on. Meldingen hold every stored version; jeugdhulp every stored product line.
 */
public record KindDossier(long kindId, KindIdentiteit identiteit, List<Registratie> registraties,
                          List<Verzuimmelding> meldingen, List<JeugdhulpRegel> jeugdhulp) {
}
