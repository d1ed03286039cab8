package org.domicile.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BadInputExceptionTest {

    @Test
    @DisplayName("Rule 29: one bad field: the message is that field's clear sentence")
    void singleField() {
        var e = new BadInputException("email", "E-mail: an address like name@example.org.");
        assertEquals("E-mail: an address like name@example.org.", e.getMessage());
        assertEquals(Map.of("email", "E-mail: an address like name@example.org."), e.fieldErrors());
    }

    @Test
    @DisplayName("Rule 29: several bad fields: the message names every problem, in form order")
    void severalFields() {
        var errors = new LinkedHashMap<String, String>();
        errors.put("loginName", "Login name: 3 to 64 characters.");
        errors.put("mobile", "Mobile number: international form.");
        errors.put("password", "Password: at least 8 characters.");
        var e = new BadInputException(errors);
        String m = e.getMessage();
        assertTrue(m.startsWith("Some fields need correcting:"), m);
        int login = m.indexOf("Login name:");
        int mobile = m.indexOf("Mobile number:");
        int password = m.indexOf("Password:");
        assertTrue(login > 0 && login < mobile && mobile < password, m);
        assertEquals(List.of("loginName", "mobile", "password"), List.copyOf(e.fieldErrors().keySet()));
    }

    @Test
    @DisplayName("The field errors cannot be changed afterwards, neither through the exception nor the original map")
    void fieldErrorsImmutable() {
        var errors = new LinkedHashMap<String, String>();
        errors.put("email", "E-mail: wrong.");
        var e = new BadInputException(errors);
        assertThrows(UnsupportedOperationException.class, () -> e.fieldErrors().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> e.fieldErrors().clear());
        errors.put("mobile", "Mobile: wrong.");
        assertEquals(Map.of("email", "E-mail: wrong."), e.fieldErrors());
    }

    @Test
    @DisplayName("Rule 29: a malformed request changes nothing: bad input rolls the transaction back")
    void rollsBack() {
        ApplicationException a = BadInputException.class.getAnnotation(ApplicationException.class);
        assertTrue(a != null && a.rollback());
        assertTrue(new BadInputException("f", "m") instanceof DomicileException);
    }
}
