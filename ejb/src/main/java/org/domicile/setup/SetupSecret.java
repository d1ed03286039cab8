package org.domicile.setup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The check form of the operator's one-time setup code; the code itself was only printed. */
@Entity
@Table(name = "setup_secret")
public class SetupSecret {
    static final String OPERATOR = "operator-setup";

    @Id
    private String name;
    @Column(name = "secret_form")
    private String secretForm;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "used_at")
    private Long usedAt;

    protected SetupSecret() {
    }

    SetupSecret(String name, String secretForm, Instant now) {
        this.name = name;
        this.secretForm = secretForm;
        this.createdAt = now.toEpochMilli();
    }

    boolean used() {
        return usedAt != null;
    }

    void use(Instant now) {
        usedAt = now.toEpochMilli();
    }

    String secretForm() {
        return secretForm;
    }
}
