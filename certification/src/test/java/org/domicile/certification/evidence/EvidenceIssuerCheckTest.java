package org.domicile.certification.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.cms.CmsException;
import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.cms.TestPki;
import org.domicile.certification.cms.TestPki.Party;
import org.domicile.certification.tsa.TimeStampAuthority;
import org.domicile.certification.tsa.TimeStampException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceIssuerCheckTest {

    private static Party server;
    private static Party tsaParty;
    private static Instant stampTime;
    private static EvidenceIssuer issuer;
    private static EvidenceCheck check;

    @TempDir
    Path folder;

    @BeforeAll
    static void setUp() {
        server = TestPki.signer(TestPki.ca(), "certification-server");
        tsaParty = TestPki.issue(TestPki.ca(), "Domicile TSA", CertificateProfile.TIME_STAMPING);
        stampTime = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        issuer = new EvidenceIssuer(server.signer(), new TimeStampAuthority(tsaParty.privateKey(),
                tsaParty.certificate(), Clock.fixed(stampTime, ZoneOffset.UTC)));
        check = new EvidenceCheck(new CmsVerifier(TestPki.ca().certificate()));
    }

    @Test
    @DisplayName("Rule 21: issued evidence verifies: the record, its signer and the stamped time come back")
    void roundTrip() {
        EvidenceRecord record = EvidenceRecordTest.submission();
        SignedEvidence evidence = issuer.issue(record);
        VerifiedEvidence verified = check.verify(evidence);
        assertEquals(record, verified.record());
        assertEquals(server.certificate(), verified.signer());
        assertEquals(stampTime, verified.timeStampedAt());
        assertArrayEquals(record.toJson(), new CmsVerifier(TestPki.ca().certificate()).verify(evidence.cms()).content());
    }

    @Test
    @DisplayName("Rules 20, 21: openssl cms -verify on the .p7m and openssl ts -verify of the .tst over the whole .p7m")
    void opensslVerifiesBothParts() throws Exception {
        SignedEvidence evidence = issuer.issue(EvidenceRecordTest.submission());
        Path p7m = Files.write(folder.resolve("ev.p7m"), evidence.cms());
        Path tst = Files.write(folder.resolve("ev.tst"), evidence.timestamp());
        Path caPem = TestPki.writePem(folder.resolve("ca.pem"), TestPki.ca().certificate());
        Path tsaPem = TestPki.writePem(folder.resolve("tsa.pem"), tsaParty.certificate());

        TestPki.Result cms = TestPki.openssl("cms", "-verify", "-inform", "DER", "-in", p7m.toString(), "-CAfile",
                caPem.toString(), "-purpose", "any", "-out", "/dev/null");
        assertEquals(0, cms.exit(), cms.output());
        TestPki.Result ts = TestPki.openssl("ts", "-verify", "-token_in", "-in", tst.toString(), "-data", p7m.toString(),
                "-CAfile", caPem.toString(), "-untrusted", tsaPem.toString());
        assertEquals(0, ts.exit(), ts.output());
        assertTrue(ts.output().contains("Verification: OK"), ts.output());
    }

    @Test
    @DisplayName("a changed .p7m fails its signature; a .tst of other evidence fails the imprint")
    void tampering() {
        SignedEvidence evidence = issuer.issue(EvidenceRecordTest.submission());
        byte[] cms = evidence.cms();
        int at = new String(cms, StandardCharsets.ISO_8859_1).indexOf("user-bob");
        cms[at] = 'X';
        assertEquals(CmsException.Reason.BAD_SIGNATURE, assertThrows(CmsException.class,
                () -> check.verify(new SignedEvidence(cms, evidence.timestamp()))).reason());

        SignedEvidence other = issuer.issue(EvidenceRecordTest.submission());
        assertNotEquals(Sha256.hexOf(evidence.cms()), Sha256.hexOf(other.cms()), "signatures are randomised");
        assertEquals(TimeStampException.Reason.IMPRINT_MISMATCH, assertThrows(TimeStampException.class,
                () -> check.verify(new SignedEvidence(evidence.cms(), other.timestamp()))).reason());
    }

    @Test
    @DisplayName("evidence signed under another CA is refused")
    void otherCa() {
        Party foreign = TestPki.signer(TestPki.otherCa(), "certification-server");
        Party foreignTsa = TestPki.issue(TestPki.otherCa(), "Domicile TSA", CertificateProfile.TIME_STAMPING);
        SignedEvidence forged = new EvidenceIssuer(foreign.signer(), new TimeStampAuthority(foreignTsa.privateKey(),
                foreignTsa.certificate(), Clock.systemUTC())).issue(EvidenceRecordTest.submission());
        assertEquals(CmsException.Reason.UNTRUSTED_SIGNER, assertThrows(CmsException.class,
                () -> check.verify(forged)).reason());
        SignedEvidence foreignStamp = new SignedEvidence(issuer.issue(EvidenceRecordTest.submission()).cms(),
                forged.timestamp());
        assertThrows(TimeStampException.class, () -> check.verify(foreignStamp));
    }
}
