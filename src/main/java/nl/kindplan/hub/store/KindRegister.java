package nl.kindplan.hub.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.domain.KindIdentiteit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Finds or creates the one record per child, many rows at a time (inputs.md: a child is identified
 * by BSN). A row with a BSN belongs to that BSN, always. A record known only by onderwijsnummer is
 * linked to a BSN when a row carries both and no other BSN holds that number; an onderwijsnummer
 * that a second BSN claims is an identity conflict: reported, never merged, and the row stays with
 * its own BSN without the contested number. A row known only by a contested onderwijsnummer cannot
 * be placed and is refused.
 */
@Component
public class KindRegister {

    /** Columns of rows that belong to a child and move along when an onderwijsnummer record joins its BSN. */
    private static final List<String> CHILD_COLUMNS = List.of("registratie.kind_id", "verzuimmelding.kind_id",
            "jeugdhulp.kind_id", "signal_case.kind_id", "identity_conflict.kind_id", "identity_conflict.other_kind_id");
    private static final int IN_CHUNK = 500;

    private final JdbcTemplate jdbc;

    public KindRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What became of one identity: the child's id, or why the row cannot be placed; a conflict if any; and
     * whether the record was created by this placement (it is then to be evaluated already).
     */
    public record Plaatsing(long kindId, String weigering, Conflict conflict, boolean nieuw) {

        public boolean geplaatst() {
            return weigering == null;
        }
    }

    /** An identity conflict found while placing a row; numbers masked in the reason. */
    public record Conflict(String onderwijsnummer, long kindId, long otherKindId, String reason) {
    }

    /**
     * A cache of the records this caller has seen, kept across calls (one per intake group). Forget
     * it when the transaction that created its records rolls back.
     */
    public static final class Cache {
        private final Map<String, KindRij> byBsn = new HashMap<>();
        private final Map<String, KindRij> byOnr = new HashMap<>();
        private final Map<Long, KindRij> byId = new HashMap<>();
        private Set<String> contested;
        private final int max;

        public Cache(int max) {
            this.max = max;
        }

        public void clear() {
            byBsn.clear();
            byOnr.clear();
            byId.clear();
            contested = null;
        }

        /**
         * Starts again when full, before a batch is placed and never while it is: the batch's own records must
         * stay at hand from its load to its write, or a child read for it would be created a second time.
         */
        private void makeRoom() {
            if (byBsn.size() + byOnr.size() > max) {
                byBsn.clear();
                byOnr.clear();
                byId.clear();
            }
        }

        private void put(KindRij rij) {
            if (rij.id != null) {
                byId.put(rij.id, rij);
            }
            if (rij.bsn != null) {
                byBsn.put(rij.bsn, rij);
            }
            if (rij.onr != null) {
                byOnr.put(rij.onr, rij);
            }
        }
    }

    /** One child's record as this register works on it; a new one has no id until it is inserted. */
    private static final class KindRij {
        Long id;
        String bsn;
        String onr;
        LocalDate geboortedatum;
        String achternaam;
        String voorvoegsel;
        String voornamen;
        boolean changed;
        /** Set when this record turned out to be another one (an onderwijsnummer record joining its BSN). */
        KindRij joinedInto;

        KindRij actual() {
            KindRij r = this;
            while (r.joinedInto != null) {
                r = r.joinedInto;
            }
            return r;
        }

        /** Fills in what the record does not know yet; a known value is never overwritten. */
        void complete(KindIdentiteit kind) {
            geboortedatum = fill(geboortedatum, kind.geboortedatum());
            achternaam = fill(achternaam, kind.achternaam());
            voorvoegsel = fill(voorvoegsel, kind.voorvoegsel());
            voornamen = fill(voornamen, kind.voornamen());
        }

        private <T> T fill(T known, T offered) {
            if (known == null && offered != null) {
                changed = true;
                return offered;
            }
            return known;
        }
    }

    /**
     * Places the rows' identities in order, creating, completing and linking records as they say;
     * returns one answer per identity. Writes what it decided before it returns.
     */
    public List<Plaatsing> place(List<KindIdentiteit> kinderen, Cache cache) {
        load(kinderen, cache);
        List<KindRij> rijen = new ArrayList<>(kinderen.size());
        List<String> weigeringen = new ArrayList<>(kinderen.size());
        List<PendingConflict> conflicts = new ArrayList<>();
        Map<KindRij, KindRij> joins = new HashMap<>();
        for (KindIdentiteit kind : kinderen) {
            Decision d = decide(kind, cache, joins);
            rijen.add(d.rij);
            weigeringen.add(d.weigering);
            conflicts.add(d.conflict);
        }
        Set<KindRij> created = write(cache, rijen, joins);
        List<Plaatsing> answer = new ArrayList<>(kinderen.size());
        for (int i = 0; i < kinderen.size(); i++) {
            KindRij rij = rijen.get(i) == null ? null : rijen.get(i).actual();
            PendingConflict c = conflicts.get(i);
            answer.add(new Plaatsing(rij == null ? -1 : rij.id, weigeringen.get(i), c == null ? null
                    : new Conflict(c.onderwijsnummer, rij.id, c.other.actual().id, c.reason), created.contains(rij)));
        }
        return answer;
    }

    private record Decision(KindRij rij, String weigering, PendingConflict conflict) {
    }

    private record PendingConflict(String onderwijsnummer, KindRij other, String reason) {
    }

    private Decision decide(KindIdentiteit kind, Cache cache, Map<KindRij, KindRij> joins) {
        String bsn = kind.bsn();
        String onr = kind.onderwijsnummer();
        KindRij byOnr = onr == null ? null : actual(cache.byOnr.get(onr));
        if (bsn == null) {
            if (cache.contested.contains(onr)) {
                return new Decision(null, "onderwijsnummer " + Elfproef.masker(onr) + " hoort bij twee BSN's (een "
                        + "identiteitsconflict): deze regel kan bij geen van beide kinderen worden geplaatst", null);
            }
            KindRij rij = byOnr != null ? byOnr : create(kind, cache);
            rij.complete(kind);
            return new Decision(rij, null, null);
        }
        KindRij byBsn = actual(cache.byBsn.get(bsn));
        if (onr == null || (byOnr != null && byOnr == byBsn)) {
            KindRij rij = byBsn != null ? byBsn : create(kind, cache);
            rij.complete(kind);
            return new Decision(rij, null, null);
        }
        if (byOnr != null && byOnr.bsn != null) {
            // the number belongs to another BSN: this row stays with its own BSN, without the number
            KindRij rij = byBsn != null ? byBsn : create(new KindIdentiteit(bsn, null, kind.geboortedatum(),
                    kind.achternaam(), kind.voorvoegsel(), kind.voornamen()), cache);
            rij.complete(kind);
            cache.contested.add(onr);
            return new Decision(rij, null, new PendingConflict(onr, byOnr, "onderwijsnummer " + Elfproef.masker(onr)
                    + " is al gekoppeld aan BSN " + Elfproef.masker(byOnr.bsn) + "; de regel van BSN " + Elfproef.masker(bsn)
                    + " blijft bij dat BSN, zonder het onderwijsnummer (een identiteitsconflict: niet samengevoegd)"));
        }
        if (byBsn != null && byBsn.onr != null) {
            // this BSN already has another onderwijsnummer: which one is right is for a person to say
            byBsn.complete(kind);
            KindRij other = byOnr != null ? byOnr : byBsn;
            return new Decision(byBsn, null, new PendingConflict(onr, other, "BSN " + Elfproef.masker(bsn)
                    + " heeft al onderwijsnummer " + Elfproef.masker(byBsn.onr) + "; onderwijsnummer "
                    + Elfproef.masker(onr) + " van deze regel wordt er niet aan gekoppeld (een identiteitsconflict: niet "
                    + "samengevoegd)"));
        }
        if (byOnr != null) {
            // a record known only by this onderwijsnummer, and no other BSN holds it: the link is unambiguous
            if (byBsn == null) {
                byOnr.bsn = bsn;
                byOnr.changed = true;
                byOnr.complete(kind);
                cache.put(byOnr);
                return new Decision(byOnr, null, null);
            }
            byOnr.joinedInto = byBsn;
            joins.put(byOnr, byBsn);
            byBsn.onr = onr;
            byBsn.changed = true;
            byBsn.complete(kind);
            cache.put(byBsn);
            return new Decision(byBsn, null, null);
        }
        KindRij rij = byBsn != null ? byBsn : create(kind, cache);
        if (rij.onr == null) {
            rij.onr = onr;
            rij.changed = true;
        }
        rij.complete(kind);
        cache.put(rij);
        return new Decision(rij, null, null);
    }

    private static KindRij actual(KindRij rij) {
        return rij == null ? null : rij.actual();
    }

    private static KindRij create(KindIdentiteit kind, Cache cache) {
        KindRij rij = new KindRij();
        rij.bsn = kind.bsn();
        rij.onr = kind.onderwijsnummer();
        rij.geboortedatum = kind.geboortedatum();
        rij.achternaam = kind.achternaam();
        rij.voorvoegsel = kind.voorvoegsel();
        rij.voornamen = kind.voornamen();
        cache.put(rij);
        return rij;
    }

    /** Reads the records of the numbers the cache does not know yet, a few queries per batch. */
    private void load(List<KindIdentiteit> kinderen, Cache cache) {
        cache.makeRoom();
        if (cache.contested == null) {
            cache.contested = new java.util.HashSet<>(
                    jdbc.queryForList("SELECT DISTINCT onderwijsnummer FROM identity_conflict", String.class));
        }
        Set<String> bsns = new LinkedHashSet<>();
        Set<String> onrs = new LinkedHashSet<>();
        for (KindIdentiteit k : kinderen) {
            if (k.bsn() != null && !cache.byBsn.containsKey(k.bsn())) {
                bsns.add(k.bsn());
            }
            if (k.onderwijsnummer() != null && !cache.byOnr.containsKey(k.onderwijsnummer())) {
                onrs.add(k.onderwijsnummer());
            }
        }
        query("bsn", bsns, cache);
        query("onderwijsnummer", onrs, cache);
    }

    private void query(String column, Collection<String> nummers, Cache cache) {
        List<String> all = new ArrayList<>(nummers);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT id, bsn, onderwijsnummer, geboortedatum, achternaam, voorvoegsel, voornamen FROM kind "
                    + "WHERE " + column + " IN (" + marks + ")", rs -> {
                long id = rs.getLong(1);
                KindRij known = cache.byId.get(id);
                if (known != null) {
                    cache.put(known);
                } else {
                    KindRij rij = new KindRij();
                    rij.id = id;
                    rij.bsn = trim(rs.getString(2));
                    rij.onr = trim(rs.getString(3));
                    Date geboren = rs.getDate(4);
                    rij.geboortedatum = geboren == null ? null : geboren.toLocalDate();
                    rij.achternaam = rs.getString(5);
                    rij.voorvoegsel = rs.getString(6);
                    rij.voornamen = rs.getString(7);
                    cache.put(rij);
                }
            }, chunk.toArray());
        }
    }

    /** Inserts the new records in one batch, updates the changed ones, and joins what must be joined. */
    private Set<KindRij> write(Cache cache, List<KindRij> rijen, Map<KindRij, KindRij> joins) {
        Set<KindRij> unique = new LinkedHashSet<>();
        for (KindRij r : rijen) {
            if (r != null) {
                unique.add(r);
            }
        }
        unique.addAll(joins.values());
        List<KindRij> nieuw = unique.stream().filter(r -> r.id == null && r.joinedInto == null).toList();
        // a new record that joined another before it was written is simply never written
        insert(nieuw);
        nieuw.forEach(cache::put);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (Map.Entry<KindRij, KindRij> join : joins.entrySet()) {
            KindRij from = join.getKey();
            KindRij into = join.getValue().actual();
            if (from.id != null) {
                // the onderwijsnummer record's facts move to the BSN record; the number moves with them
                for (String tableColumn : CHILD_COLUMNS) {
                    String[] tc = tableColumn.split("\\.");
                    jdbc.update("UPDATE " + tc[0] + " SET " + tc[1] + " = ? WHERE " + tc[1] + " = ?", into.id, from.id);
                }
                jdbc.update("DELETE FROM kind WHERE id = ?", from.id);
            }
        }
        List<KindRij> changed = unique.stream().filter(r -> r.id != null && r.changed && r.joinedInto == null
                && !nieuw.contains(r)).toList();
        jdbc.batchUpdate("UPDATE kind SET bsn = ?, onderwijsnummer = ?, geboortedatum = ?, achternaam = ?, "
                + "voorvoegsel = ?, voornamen = ?, updated_at = ?, needs_evaluation = TRUE, facts_version = facts_version + 1 "
                + "WHERE id = ?", changed, 500,
                (ps, r) -> {
                    identity(ps, r);
                    ps.setTimestamp(7, now);
                    ps.setLong(8, r.id);
                });
        changed.forEach(r -> r.changed = false);
        // the records inserted now (KindRij has identity equality)
        return new java.util.HashSet<>(nieuw);
    }

    /** Parameters 1 to 6 of both the insert and the update: bsn, onderwijsnummer, birth date and names. */
    private static void identity(PreparedStatement ps, KindRij r) throws java.sql.SQLException {
        ps.setString(1, r.bsn);
        ps.setString(2, r.onr);
        ps.setDate(3, r.geboortedatum == null ? null : Date.valueOf(r.geboortedatum));
        ps.setString(4, r.achternaam);
        ps.setString(5, r.voorvoegsel);
        ps.setString(6, r.voornamen);
    }

    private void insert(List<KindRij> nieuw) {
        if (nieuw.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement("INSERT INTO kind (bsn, onderwijsnummer, geboortedatum, "
                        + "achternaam, voorvoegsel, voornamen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                new String[]{"id"}), new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                identity(ps, nieuw.get(i));
                ps.setTimestamp(7, now);
                ps.setTimestamp(8, now);
            }

            @Override
            public int getBatchSize() {
                return nieuw.size();
            }
        }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != nieuw.size()) {
            throw new IllegalStateException("the database returned " + generated.size() + " keys for "
                    + nieuw.size() + " new children");
        }
        for (int i = 0; i < nieuw.size(); i++) {
            Object key = generated.get(i).values().iterator().next();
            nieuw.get(i).id = ((Number) key).longValue();
            nieuw.get(i).changed = false;
        }
    }

    /** Marks children whose facts changed outside a placement (a snapshot ended their registration, say). */
    public void changed(Collection<Long> kindIds) {
        if (kindIds.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE kind SET needs_evaluation = TRUE, facts_version = facts_version + 1 WHERE id = ?",
                new ArrayList<>(kindIds), 500, (ps, id) -> ps.setLong(1, id));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
