package nl.kindplan.hub;

/** EDEXML 2.1 school snapshots for tests: one school on a peildatum with the given pupils. */
public final class EdexmlBestanden {

    private EdexmlBestanden() {
    }

    public static String school(String brin, String vestiging, String peildatum, String... bsns) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDEX>\n<school>\n"
                + "<schooljaar>2026-2027</schooljaar><peildatum>" + peildatum + "</peildatum>\n"
                + "<brincode>" + brin + "</brincode><dependancecode>" + vestiging + "</dependancecode>\n"
                + "<aanmaakdatum>" + peildatum + "T06:00:00</aanmaakdatum><xsdversie>2.1</xsdversie>\n</school>\n"
                + "<leerlingen>\n");
        int key = 1;
        for (String bsn : bsns) {
            xml.append("<leerling key=\"").append(key++).append("\"><achternaam>Test</achternaam>")
                    .append("<geboortedatum>2013-04-05</geboortedatum><geslacht>0</geslacht>")
                    .append("<bsn>").append(bsn).append("</bsn><jaargroep>5</jaargroep>")
                    .append("<instroomdatum>2019-08-19</instroomdatum></leerling>\n");
        }
        return xml.append("</leerlingen>\n</EDEX>\n").toString();
    }
}
