package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.kindplan.hub.domain.KindDossier;

/** Runs every signal rule on one child; a child can carry several signals at once. */
public final class SignalEvaluator {

    private final SignalSettings settings;
    private final List<SignalRule> rules;

    public SignalEvaluator(SignalSettings settings) {
        this(settings, rules(settings));
    }

    /** The rules of signals.md, in the order of {@link SignalCode}. */
    public static List<SignalRule> rules(SignalSettings settings) {
        return List.of(
                new ThuiszitterRule(settings),
                new AbsoluutVerzuimRule(settings),
                new ZorgNietToegewezenRule(settings),
                new ZorgGestoptBijVerzuimRule(settings),
                new MatchRule(settings));
    }

    /** These rules, made with the same settings. */
    public SignalEvaluator(SignalSettings settings, List<SignalRule> rules) {
        this.settings = settings;
        this.rules = List.copyOf(rules);
    }

    /**
     * The signals that hold on {@code asOf}, in the order of the rules (the order of {@link SignalCode}).
     * The record is read on D once (newest melding versions, toewijzingen) and shared by every rule.
     */
    public List<SignalHit> evaluate(KindDossier dossier, LocalDate asOf) {
        KindOpDatum kind = new KindOpDatum(dossier, asOf, settings);
        return rules.stream()
                .map(rule -> rule.evaluate(kind))
                .flatMap(Optional::stream)
                .toList();
    }
}
