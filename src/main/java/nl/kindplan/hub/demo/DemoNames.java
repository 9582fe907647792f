package nl.kindplan.hub.demo;

import java.util.List;
import java.util.Random;

/** Plausible Dutch names and addresses for demo children; a few with diacritics to exercise UTF-8. */
final class DemoNames {

    /** A surname as Dutch registers keep it: the voorvoegsel apart. */
    record Achternaam(String voorvoegsel, String naam) {
    }

    private static final List<String> JONGENS = List.of(
            "Noah", "Sem", "Liam", "Lucas", "Daan", "Finn", "Levi", "Luuk", "Mees", "James", "Milan",
            "Adam", "Mohammed", "Sam", "Bram", "Jesse", "Thijs", "Ravi", "Stijn", "Ruben", "Jayden",
            "Owen", "Gijs", "Teun", "Yusuf", "Omar", "Hugo", "Boaz", "Sven", "Joep");
    private static final List<String> MEISJES = List.of(
            "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva", "Liv",
            "Lotte", "Noor", "Fenna", "Saar", "Anna", "Lieke", "Fleur", "Ilse", "Amira", "Hiba",
            "Isa", "Maud", "Jasmijn", "Elif", "Renée", "Femke", "Roos", "Lina", "Ayla");
    private static final List<String> TWEEDE = List.of(
            "Maria", "Johannes", "Pieter", "Anna", "Cornelis", "Elisabeth", "Willem", "Hendrika");
    private static final List<Achternaam> ACHTERNAMEN = List.of(
            a("de", "Jong"), a("", "Jansen"), a("de", "Vries"), a("van den", "Berg"), a("van", "Dijk"),
            a("", "Bakker"), a("", "Visser"), a("", "Smit"), a("", "Meijer"), a("de", "Boer"),
            a("", "Mulder"), a("de", "Groot"), a("", "Bos"), a("", "Vos"), a("", "Peters"),
            a("", "Hendriks"), a("van", "Leeuwen"), a("", "Dekker"), a("", "Brouwer"), a("de", "Wit"),
            a("", "Dijkstra"), a("de", "Graaf"), a("van der", "Meer"), a("van der", "Linden"),
            a("", "Kok"), a("", "Jacobs"), a("de", "Haan"), a("", "Vermeulen"), a("van den", "Heuvel"),
            a("van der", "Veen"), a("van den", "Broek"), a("de", "Bruijn"), a("van der", "Heijden"),
            a("", "Schouten"), a("van", "Beek"), a("", "Willems"), a("van", "Vliet"), a("van 't", "Hof"),
            a("", "Hoekstra"), a("", "Maas"), a("", "Verhoeven"), a("", "Koster"), a("van", "Dam"),
            a("", "Prins"), a("", "Blom"), a("", "Huisman"), a("", "Yılmaz"), a("", "El Amrani"),
            a("", "Öztürk"), a("", "Bouzid"), a("", "Nguyen"), a("", "Kaya"), a("", "Şahin"),
            a("", "Boukhari"), a("", "Pinas"), a("", "Martina"));
    private static final List<String> STRATEN = List.of(
            "Dorpsstraat", "Kerkstraat", "Molenweg", "Schoolstraat", "Julianastraat", "Beatrixlaan",
            "Wilhelminastraat", "Stationsweg", "Lindelaan", "Eikenlaan", "Nieuwstraat", "Parkweg",
            "Kastanjelaan", "Prinsengracht", "Hoofdstraat", "Sportlaan");

    private final Random random;

    DemoNames(Random random) {
        this.random = random;
    }

    private static Achternaam a(String voorvoegsel, String naam) {
        return new Achternaam(voorvoegsel.isEmpty() ? null : voorvoegsel, naam);
    }

    /** One or two first names; {@code jongen} follows geslacht 1. */
    String voornamen(boolean jongen) {
        String eerste = kies(jongen ? JONGENS : MEISJES);
        return random.nextInt(4) == 0 ? eerste + " " + kies(TWEEDE) : eerste;
    }

    Achternaam achternaam() {
        return kies(ACHTERNAMEN);
    }

    String straat() {
        return kies(STRATEN);
    }

    /** A postcode of the demo gemeente's range: four digits and two letters, no space. */
    String postcode(Gemeente gemeente) {
        int cijfers = gemeente.postcodeVan() + random.nextInt(gemeente.postcodeTot() - gemeente.postcodeVan() + 1);
        char a = (char) ('A' + random.nextInt(26));
        char b = (char) ('A' + random.nextInt(26));
        // SA, SD and SS are not issued as postcode letters
        if (a == 'S' && (b == 'A' || b == 'D' || b == 'S')) {
            b = 'B';
        }
        return cijfers + "" + a + b;
    }

    /** Initials of the first names, letters only (iJw LDT_Voorletters). */
    static String voorletters(String voornamen) {
        StringBuilder s = new StringBuilder();
        for (String naam : voornamen.split(" ")) {
            if (!naam.isEmpty() && s.length() < 6) {
                s.append(naam.charAt(0));
            }
        }
        return s.toString();
    }

    private <T> T kies(List<T> lijst) {
        return lijst.get(random.nextInt(lijst.size()));
    }

    /** The demo gemeenten: code, plaats, and a postcode range. */
    enum Gemeente {
        AMSTERDAM("0363", "Amsterdam", 1011, 1109),
        DEN_HAAG("0518", "Den Haag", 2491, 2599),
        ROTTERDAM("0599", "Rotterdam", 3011, 3089);

        private final String code;
        private final String plaats;
        private final int postcodeVan;
        private final int postcodeTot;

        Gemeente(String code, String plaats, int postcodeVan, int postcodeTot) {
            this.code = code;
            this.plaats = plaats;
            this.postcodeVan = postcodeVan;
            this.postcodeTot = postcodeTot;
        }

        String code() {
            return code;
        }

        String plaats() {
            return plaats;
        }

        int postcodeVan() {
            return postcodeVan;
        }

        int postcodeTot() {
            return postcodeTot;
        }
    }
}
