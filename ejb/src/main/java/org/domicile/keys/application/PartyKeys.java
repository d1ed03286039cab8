package org.domicile.keys.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.domicile.certification.signing.Crypto;
import org.domicile.keys.domain.KeyUse;
import org.domicile.keys.domain.PartyKey;
import org.domicile.platform.TimeSource;
import org.domicile.trust.application.CertificationServer;
import org.domicile.trust.infrastructure.KeyVault;

/**
 * The key pairs the provider holds for its users, made on first use: an EC P-256 pair and a
 * certificate from the internal CA with the profile of its use. The private key is stored wrapped
 * with AES-256-GCM under a key derived from the master key, the account and the use bound as
 * associated data, so a wrapped key copied to another account's row does not open. Unwrapped keys
 * are cached in memory (they are needed for every letter a user sends or accepts).
 */
@Stateless
public class PartyKeys {

    private static final int CACHE_LIMIT = 20_000;
    private static final Map<String, HeldKey> CACHE = new ConcurrentHashMap<>();
    private static final Duration VALIDITY = Duration.ofDays(3 * 365);

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @EJB
    CertificationServer certification;

    @Inject
    KeyVault vault;

    @Inject
    TimeSource time;

    private SecretKeySpec wrappingKey;

    @PostConstruct
    void init() {
        wrappingKey = new SecretKeySpec(vault.derivedKey("party-keys"), "AES");
    }

    /** The user's key pair for {@code use}, made and stored (in the caller's transaction) if he has none yet. */
    public HeldKey of(String accountId, KeyUse use) {
        String cacheKey = accountId + "/" + use;
        HeldKey cached = CACHE.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        PartyKey row = em.find(PartyKey.class, new PartyKey.Key(accountId, use));
        if (row == null) {
            // Not cached: the transaction that stores it may still roll back.
            return create(accountId, use);
        }
        HeldKey held = unwrap(row);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(cacheKey, held);
        return held;
    }

    /** The certificate only (to encrypt for him), making the pair if needed. */
    public X509Certificate certificate(String accountId, KeyUse use) {
        return of(accountId, use).certificate();
    }

    private HeldKey create(String accountId, KeyUse use) {
        var keys = Crypto.newEcKeyPair();
        X509Certificate cert = certification.ca().issue("Domicile user " + accountId + " " + use.name().toLowerCase(),
                keys.getPublic(), use.profile(), VALIDITY);
        try {
            em.persist(new PartyKey(accountId, use, cert.getEncoded(), wrap(accountId, use,
                    keys.getPrivate().getEncoded()), time.now()));
            em.flush();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return new HeldKey(keys.getPrivate(), cert);
    }

    private HeldKey unwrap(PartyKey row) {
        try {
            byte[] wrapped = row.wrappedKey();
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, wrappingKey, new GCMParameterSpec(128, wrapped, 0, 12));
            gcm.updateAAD(aad(row.accountId(), row.purpose()));
            byte[] pkcs8 = gcm.doFinal(wrapped, 12, wrapped.length - 12);
            PrivateKey key = KeyFactory.getInstance("EC", Crypto.provider()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            var cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(row.certificate()));
            return new HeldKey(key, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored key of " + row.accountId() + " does not open with the master key"
                    + " (was the master key changed?)", e);
        }
    }

    private byte[] wrap(String accountId, KeyUse use, byte[] pkcs8) {
        try {
            byte[] iv = new byte[12];
            Crypto.random().nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, wrappingKey, new GCMParameterSpec(128, iv));
            gcm.updateAAD(aad(accountId, use));
            byte[] ct = gcm.doFinal(pkcs8);
            return ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] aad(String accountId, KeyUse use) {
        return ("domicile/party-key/" + accountId + "/" + use.name()).getBytes(StandardCharsets.UTF_8);
    }
}
