package org.domicile.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.domicile.platform.Ids;

/**
 * One wrong code typed for an account. Kept in the database so that the per-account limit
 * (SECURITY-BASELINE 6: 100 an hour) survives restarts (rule 26) and resends.
 */
@Entity
@Table(name = "code_failure")
public class CodeFailure {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "failed_at")
    private long failedAt;

    protected CodeFailure() {
    }

    public CodeFailure(String accountId, Instant at) {
        this.id = Ids.newId();
        this.accountId = accountId;
        this.failedAt = at.toEpochMilli();
    }
}
