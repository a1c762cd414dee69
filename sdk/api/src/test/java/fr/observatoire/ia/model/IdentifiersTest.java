package fr.observatoire.ia.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTest {

    @Test
    void realSirensOfTheAlpesMaritimesAreValid() {
        assertThat(Identifiers.isValidSiren("210600888")).as("commune de Nice").isTrue();
        assertThat(Identifiers.isValidSiren("220600019")).as("département des Alpes-Maritimes").isTrue();
        assertThat(Identifiers.isValidSiren("210600889")).isFalse();
        assertThat(Identifiers.isValidSiren("21060088")).isFalse();
        assertThat(Identifiers.isValidSiren("2106008880")).isFalse();
        assertThat(Identifiers.isValidSiren("21060088a")).isFalse();
        assertThat(Identifiers.isValidSiren(null)).isFalse();
    }

    @Provide
    Arbitrary<String> validSirens() {
        return Arbitraries.strings().numeric().ofLength(8).map(prefix -> {
            for (char key = '0'; key <= '9'; key++) {
                if (Identifiers.luhnValid(prefix + key)) {
                    return prefix + key;
                }
            }
            throw new AssertionError("every prefix has a Luhn key");
        });
    }

    @Property
    void changingOneDigitOfAValidSirenMakesItInvalid(@ForAll("validSirens") String siren,
                                                     @ForAll @IntRange(min = 0, max = 8) int position,
                                                     @ForAll @IntRange(min = 1, max = 9) int delta) {
        assertThat(Identifiers.isValidSiren(siren)).isTrue();
        char[] digits = siren.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + delta) % 10);
        assertThat(Identifiers.isValidSiren(new String(digits))).isFalse();
    }

    @Test
    void uaiKeysAreChecked() {
        // Lycée Masséna, Nice: 0060030A.
        assertThat(Identifiers.isValidUai("0060030A")).isTrue();
        assertThat(Identifiers.isValidUai("0060030B")).isFalse();
        assertThat(Identifiers.isValidUai("006003A")).isFalse();
        assertThat(Identifiers.uaiKey("0060030")).isEqualTo('A');
    }

    @Test
    void inseeCodesFollowTheCog() {
        assertThat(Identifiers.isValidCommuneCode("06088")).isTrue();
        assertThat(Identifiers.isValidCommuneCode("2A004")).isTrue();
        assertThat(Identifiers.isValidCommuneCode("97411")).isTrue();
        assertThat(Identifiers.isValidCommuneCode("6088")).isFalse();
        assertThat(Identifiers.isValidDepartementCode("06")).isTrue();
        assertThat(Identifiers.isValidDepartementCode("2B")).isTrue();
        assertThat(Identifiers.isValidDepartementCode("974")).isTrue();
        assertThat(Identifiers.isValidDepartementCode("20")).isFalse();
        assertThat(Identifiers.isValidDepartementCode("96")).isFalse();
    }
}
