package nl.kindplan.hub;

import java.time.LocalDate;

/** iJw 3.2 messages for tests, built from the few facts a test cares about. */
public final class IjwBerichten {

    private static final String AANBIEDER = "99001001";

    private IjwBerichten() {
    }

    /** A JW315 Verzoek om toewijzing of one product. */
    public static String jw315(String bsn, String gemeente, String id, LocalDate dagtekening, String referentie,
                               String categorie) {
        return bericht("jw315", "446", AANBIEDER, gemeente, id, dagtekening, bsn, """
                    <m:AangevraagdeProducten>
                      <m:AangevraagdProduct>
                        <m:ReferentieAanbieder>%s</m:ReferentieAanbieder>
                        <m:Product><b:Categorie>%s</b:Categorie></m:Product>
                        <m:ToewijzingIngangsdatum>%s</m:ToewijzingIngangsdatum>
                        <m:Verwijzer><b:Type>02</b:Type></m:Verwijzer>
                      </m:AangevraagdProduct>
                    </m:AangevraagdeProducten>
                """.formatted(referentie, categorie, dagtekening.plusDays(14)));
    }

    /** A JW301 Toewijzing of one product; {@code einddatum} may be null. */
    public static String jw301(String bsn, String gemeente, String id, LocalDate dagtekening, String toewijzingNummer,
                               String referentie, String categorie, String productcode, LocalDate ingangsdatum,
                               LocalDate einddatum) {
        return bericht("jw301", "436", gemeente, AANBIEDER, id, dagtekening, bsn, """
                    <m:ToegewezenProducten>
                      <m:ToegewezenProduct>
                        <m:ToewijzingNummer>%s</m:ToewijzingNummer>
                        <m:ReferentieAanbieder>%s</m:ReferentieAanbieder>
                        <m:Product><b:Categorie>%s</b:Categorie><b:Code>%s</b:Code></m:Product>
                        <m:Toewijzingsdatum>%s</m:Toewijzingsdatum>
                        <m:Toewijzingstijd>09:00:00</m:Toewijzingstijd>
                        <m:Ingangsdatum>%s</m:Ingangsdatum>
                        %s
                      </m:ToegewezenProduct>
                    </m:ToegewezenProducten>
                """.formatted(toewijzingNummer, referentie, categorie, productcode, dagtekening, ingangsdatum,
                einddatum == null ? "" : "<m:Einddatum>" + einddatum + "</m:Einddatum>"));
    }

    /** A JW307 Stop zorg of one product. */
    public static String jw307(String bsn, String gemeente, String id, LocalDate dagtekening, String toewijzingNummer,
                               String categorie, LocalDate begindatum, LocalDate einddatum, String reden) {
        return bericht("jw307", "440", AANBIEDER, gemeente, id, dagtekening, bsn, """
                    <m:StopProducten>
                      <m:StopProduct>
                        <m:ToewijzingNummer>%s</m:ToewijzingNummer>
                        <m:Product><b:Categorie>%s</b:Categorie></m:Product>
                        <m:Begindatum>%s</m:Begindatum>
                        <m:RedenBeeindiging>%s</m:RedenBeeindiging>
                        <m:Einddatum>%s</m:Einddatum>
                        <m:StatusAanlevering>1</m:StatusAanlevering>
                      </m:StopProduct>
                    </m:StopProducten>
                """.formatted(toewijzingNummer, categorie, begindatum, reden, einddatum));
    }

    private static String bericht(String type, String code, String afzender, String ontvanger, String id,
                                  LocalDate dagtekening, String bsn, String producten) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <m:Bericht xmlns:m="http://www.istandaarden.nl/ijw/3_2/%s/schema" xmlns:b="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
                  <m:Header>
                    <m:BerichtCode>%s</m:BerichtCode>
                    <m:BerichtVersie>3</m:BerichtVersie>
                    <m:BerichtSubversie>2</m:BerichtSubversie>
                    <m:Afzender>%s</m:Afzender>
                    <m:Ontvanger>%s</m:Ontvanger>
                    <m:BerichtIdentificatie>
                      <b:Identificatie>%s</b:Identificatie>
                      <b:Dagtekening>%s</b:Dagtekening>
                    </m:BerichtIdentificatie>
                    <m:XsdVersie>
                      <b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie>
                      <b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie>
                    </m:XsdVersie>
                  </m:Header>
                  <m:Client>
                    <m:Bsn>%s</m:Bsn>
                    <m:Geboortedatum><b:Datum>2012-06-01</b:Datum></m:Geboortedatum>
                    <m:Geslacht>0</m:Geslacht>
                    <m:Naam><b:Geslachtsnaam><b:Achternaam>Testkind</b:Achternaam></b:Geslachtsnaam><b:NaamGebruik>1</b:NaamGebruik></m:Naam>
                %s  </m:Client>
                </m:Bericht>
                """.formatted(type, code, afzender, ontvanger, id, dagtekening, bsn, producten);
    }
}
