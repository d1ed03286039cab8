package org.domicile.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @Test
    @DisplayName("Accepts international mobile numbers and stores them in E.164")
    void acceptsMobiles() {
        assertEquals("+33612345678", MobileNumber.parse("+33 6 12 34 56 78").orElseThrow().e164());
        assertEquals("+33612345678", MobileNumber.parse(" +33 6 12 34 56 78 ").orElseThrow().e164());
        assertEquals("+447911123456", MobileNumber.parse("+447911123456").orElseThrow().e164());
        assertEquals(MobileNumber.parse("+33612345678"), MobileNumber.parse("+33 6 12 34 56 78"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "0612345678", "+33 1 23 45 67 89", "+999", "+33 6 12 34 56 AB",
            "+33612345678abc", "+336CALLMENOW"})
    @DisplayName("Rule 29: rejects a number without country code, a fixed line, an unknown country, letters, 40 characters")
    void rejects(String raw) {
        assertEquals(Optional.empty(), MobileNumber.parse(raw));
    }

    @Test
    @DisplayName("Rule 29: rejects 40 characters even if the digits could form a number")
    void rejectsFortyCharacters() {
        String forty = "+33 6 12 34 56 78" + " ".repeat(23);
        assertEquals(40, forty.length());
        assertEquals(Optional.empty(), MobileNumber.parse(forty));
        String digits = "+33" + "6".repeat(37);
        assertEquals(40, digits.length());
        assertEquals(Optional.empty(), MobileNumber.parse(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+33 6 12 FLOWER", "+33 6 12 34 56 78 ext. 12", "+33 6 12 34 56 78 x12"})
    @DisplayName("Rule 29: letters are never read as digits and extensions are not silently dropped")
    void rejectsLettersThatLibphonenumberWouldMap(String raw) {
        assertEquals(Optional.empty(), MobileNumber.parse(raw));
    }

    @Test
    @DisplayName("Rule 11: masked() keeps only the country prefix and the last two digits; toString() is masked")
    void masked() {
        MobileNumber fr = MobileNumber.parse("+33 6 12 34 56 78").orElseThrow();
        assertEquals("+33*******78", fr.masked());
        assertEquals(fr.masked(), fr.toString());
        assertFalse(fr.toString().contains("612345"));

        MobileNumber uk = MobileNumber.parse("+447911123456").orElseThrow();
        assertEquals("+44********56", uk.masked());
        assertEquals(uk.masked(), uk.toString());
        assertEquals(uk.e164().length(), uk.masked().length());
    }

    @Test
    @DisplayName("Rule 11: masking keeps exactly the country prefix, whatever its length")
    void maskedForOtherCountryCodeLengths() {
        assertEquals("+1********23", MobileNumber.parse("+1 201 555 0123").orElseThrow().masked());
        assertEquals("+353*******67", MobileNumber.parse("+353 85 123 4567").orElseThrow().masked());
    }
}
