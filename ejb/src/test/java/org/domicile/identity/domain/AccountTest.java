package org.domicile.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.TrustLevel;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNo";

    private static Account registered() {
        return Account.register(LoginName.parse("jdupont").orElseThrow(),
                DisplayName.parse("Jean Dupont").orElseThrow(),
                EmailAddress.parse("jean.dupont@example.org").orElseThrow(),
                MobileNumber.parse("+33 6 12 34 56 78").orElseThrow(), HASH, NOW);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("A self-registered account starts at LOW, waiting for its phone, and cannot open a session")
    void registerStartsPending() {
        Account a = registered();
        assertEquals(AccountStatus.PENDING_PHONE, a.status());
        assertEquals(TrustLevel.LOW, a.trustLevel());
        assertEquals(Role.USER, a.role());
        assertFalse(a.mobileVerified());
        assertFalse(a.canOpenSession());
        assertEquals(Optional.of("+33612345678"), a.mobile().map(MobileNumber::e164));
        assertEquals(PartyKind.USER, a.party().kind());
        assertEquals(a.id().value(), a.party().id());
        assertEquals(NOW, a.createdAt());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("Confirming the mobile number activates the account, which may then open a session")
    void confirmMobileActivates() {
        Account a = registered();
        a.confirmMobile();
        assertEquals(AccountStatus.ACTIVE, a.status());
        assertTrue(a.mobileVerified());
        assertTrue(a.canOpenSession());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("The operator account waits for setup at HIGH, without password, and cannot open a session")
    void operatorAwaitingSetup() {
        Account op = Account.operatorAwaitingSetup(NOW);
        assertEquals(AccountStatus.SETUP, op.status());
        assertEquals(TrustLevel.HIGH, op.trustLevel());
        assertEquals(Role.OPERATOR, op.role());
        assertEquals(Account.OPERATOR_LOGIN, op.loginName());
        assertEquals(Optional.empty(), op.passwordHash(), "there is no default password");
        assertEquals(Optional.empty(), op.mobile());
        assertFalse(op.canOpenSession());
        op.confirmMobile();
        assertEquals(AccountStatus.SETUP, op.status(), "confirming a number does not skip the setup code");
        assertFalse(op.canOpenSession());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("Operator setup works once, then still needs the phone check before a session")
    void completeSetupOnce() {
        Account op = Account.operatorAwaitingSetup(NOW);
        MobileNumber number = MobileNumber.parse("+447911123456").orElseThrow();
        op.completeSetup(HASH, number);
        assertEquals(AccountStatus.PENDING_PHONE, op.status());
        assertEquals(Optional.of(HASH), op.passwordHash());
        assertEquals(Optional.of(number), op.mobile());
        assertFalse(op.canOpenSession());

        assertThrows(IllegalStateException.class,
                () -> op.completeSetup("$argon2id$other", MobileNumber.parse("+33612345678").orElseThrow()));
        assertEquals(Optional.of(HASH), op.passwordHash(), "a second setup changes nothing");
        assertEquals(Optional.of(number), op.mobile());

        op.confirmMobile();
        assertTrue(op.canOpenSession());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("Rule 14: a disabled account cannot open a session, and confirming a code does not revive it")
    void disableBlocksSessions() {
        Account a = registered();
        a.confirmMobile();
        a.disable();
        assertEquals(AccountStatus.DISABLED, a.status());
        assertFalse(a.canOpenSession());
        a.confirmMobile();
        assertEquals(AccountStatus.DISABLED, a.status());
        assertFalse(a.canOpenSession());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("Rule 11: toString() shows no e-mail, phone number or password hash")
    void toStringHidesPersonalData() {
        String s = registered().toString();
        assertFalse(s.contains("jean.dupont@example.org"), s);
        assertFalse(s.contains("example.org"), s);
        assertFalse(s.contains("612345678"), s);
        assertFalse(s.contains("+33"), s);
        assertFalse(s.contains("argon2"), s);
        assertFalse(s.contains("c2FsdHNhbHRzYWx0c2FsdA"), s);
    }
}
