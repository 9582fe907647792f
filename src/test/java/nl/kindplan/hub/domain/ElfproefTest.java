package nl.kindplan.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ElfproefTest {

    @Test
    void aBsnsWeightedSumIsZeroModEleven() {
        assertThat(Elfproef.isBsn("111222333")).isTrue();   // 66
        assertThat(Elfproef.isBsn("123456782")).isTrue();   // 154
        assertThat(Elfproef.isBsn("100000009")).isTrue();   // 9 - 9 = 0
        assertThat(Elfproef.isBsn("123456789")).isFalse();  // 147, rest 4
    }

    @Test
    void anOnderwijsnummersWeightedSumIsFiveModElevenWithAFloorModulo() {
        // -6 mod 11 is 5 with a floor modulo, -6 with Java's remainder operator
        assertThat(Elfproef.isOnderwijsnummer("000000006")).isTrue();
        assertThat(Elfproef.isBsn("000000006")).isFalse();
        assertThat(Elfproef.isOnderwijsnummer("111222333")).isFalse();
    }

    @Test
    void onlyNineDigitsCount() {
        assertThat(Elfproef.isBsn("11122233")).isFalse();
        assertThat(Elfproef.isBsn("1112223330")).isFalse();
        assertThat(Elfproef.isBsn("11122233a")).isFalse();
        assertThat(Elfproef.isBsn(null)).isFalse();
    }

    @Test
    void aMaskedNumberShowsOnlyItsLastThreeDigits() {
        assertThat(Elfproef.masker("123456782")).isEqualTo("******782");
        assertThat(Elfproef.masker(null)).isEqualTo("***");
    }
}
