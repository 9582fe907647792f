-- iJw's LDT_Referentie allows 36 characters (e.g. a UUID); V1 kept only 20.
ALTER TABLE jeugdhulp ALTER COLUMN referentie_aanbieder SET DATA TYPE VARCHAR(36);
