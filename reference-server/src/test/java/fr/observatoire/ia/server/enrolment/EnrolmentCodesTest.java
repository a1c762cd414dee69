package fr.observatoire.ia.server.enrolment;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EnrolmentCodesTest {
    @RepeatedTest(20)
    void fourGroupsOfFourWithoutLookAlikes() {
        String code = EnrolmentCodes.generate();

        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(code.replace("-", "")).doesNotContainPattern("[01ILOUV]");
    }

    @Test
    void distinctCodes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(EnrolmentCodes.generate());
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void hashIgnoresCaseDashesAndSpaces() {
        String hash = EnrolmentCodes.hash("K7QM-2XWP-9TDR-HC4B");

        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(EnrolmentCodes.hash("k7qm 2xwp 9tdr hc4b")).isEqualTo(hash);
        assertThat(EnrolmentCodes.hash("K7QM2XWP9TDRHC4B")).isEqualTo(hash);
        assertThat(EnrolmentCodes.hash("K7QM-2XWP-9TDR-HC4C")).isNotEqualTo(hash);
    }
}
