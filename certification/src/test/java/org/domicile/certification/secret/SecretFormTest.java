package org.domicile.certification.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretFormTest {

    private static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] MAC = HexFormat.of().parseHex(
            "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f");

    @Test
    @DisplayName("encode/decode round trip, URL-safe text without padding")
    void roundTrip() {
        SecretForm form = new SecretForm(SALT, MAC);
        String text = form.encode();
        assertTrue(text.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), text);
        SecretForm decoded = SecretForm.decode(text);
        assertEquals(form, decoded);
        assertEquals(form.hashCode(), decoded.hashCode());
        assertArrayEquals(SALT, decoded.salt());
        assertArrayEquals(MAC, decoded.mac());
    }

    @Test
    @DisplayName("equality is by content; the form is immune to changes of the caller's arrays")
    void contentEqualityAndDefensiveCopies() {
        byte[] salt = SALT.clone();
        SecretForm form = new SecretForm(salt, MAC.clone());
        salt[0] = 99;
        form.mac()[0] = 99;
        assertEquals(new SecretForm(SALT, MAC), form);
        byte[] otherMac = MAC.clone();
        otherMac[5] ^= 1;
        assertFalse(new SecretForm(SALT, MAC).equals(new SecretForm(SALT, otherMac)));
    }

    @Test
    @DisplayName("toString shows no bytes of salt or MAC")
    void toStringShowsNoBytes() {
        String text = new SecretForm(SALT, MAC).toString();
        assertFalse(text.contains(Arrays.toString(SALT)) || text.contains("f0e1d2") || text.contains("AAECAw"), text);
        assertFalse(text.contains(new SecretForm(SALT, MAC).encode().substring(0, 8)), text);
    }

    @Test
    @DisplayName("malformed encodings are refused with IllegalArgumentException")
    void decodeRejectsMalformed() {
        String good = new SecretForm(SALT, MAC).encode();
        String[] parts = good.split("\\.");
        for (String bad : Arrays.asList(null, "", ".", good.replace('.', ':'), parts[0], parts[0] + "." + parts[1] + ".x",
                parts[0] + "." + parts[0], parts[1] + "." + parts[1], parts[0] + "." + parts[1] + "!", "a.b")) {
            assertThrows(IllegalArgumentException.class, () -> SecretForm.decode(bad), String.valueOf(bad));
        }
        for (List<byte[]> wrongLengths : List.of(List.of(new byte[15], MAC), List.of(SALT, new byte[31]))) {
            assertThrows(IllegalArgumentException.class, () -> new SecretForm(wrongLengths.get(0), wrongLengths.get(1)));
        }
    }

    @Test
    void issuedSecretValidates() {
        SecretForm form = new SecretForm(SALT, MAC);
        assertThrows(IllegalArgumentException.class, () -> new IssuedSecret("12a456", form));
        assertThrows(IllegalArgumentException.class, () -> new IssuedSecret("123456", null));
        assertFalse(new IssuedSecret("987654", form).toString().contains("987654"));
    }
}
