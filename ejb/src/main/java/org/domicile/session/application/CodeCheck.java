package org.domicile.session.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.domicile.certification.secret.OneTimeSecrets;
import org.domicile.certification.secret.SecretForm;
import org.domicile.trust.infrastructure.KeyVault;

/**
 * The domiciliation server's check of a typed code against the form it received from the
 * certification server: same verifier key, constant-time comparison (SECURITY-BASELINE 5).
 */
@ApplicationScoped
public class CodeCheck {

    @Inject
    KeyVault vault;

    private OneTimeSecrets verifier;

    @PostConstruct
    void init() {
        verifier = new OneTimeSecrets(vault.derivedKey("code-verifier"));
    }

    public boolean matches(SecretForm form, String sessionId, byte[] boundData, String typedCode) {
        return verifier.matches(form, sessionId, boundData, typedCode);
    }
}
