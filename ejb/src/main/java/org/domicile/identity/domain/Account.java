package org.domicile.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.platform.Ids;

/**
 * The account behind a private office. It guards its own life cycle: a session can only be
 * opened for an active account with a verified mobile number, and the trust level only
 * changes through {@link #changeTrustLevel}, which the certification service records.
 */
@Entity
@Table(name = "account")
public class Account {

    /** The certification operator's account is created at first start under this name. */
    public static final String OPERATOR_LOGIN = "operator";

    @Id
    private String id;
    @Column(name = "login_name")
    private String loginName;
    @Column(name = "display_name")
    private String displayName;
    private String email;
    private String mobile;
    @Column(name = "mobile_verified")
    private boolean mobileVerified;
    @Column(name = "password_hash")
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Enumerated(EnumType.STRING)
    private AccountStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "trust_level")
    private TrustLevel trustLevel;
    @Column(name = "created_at")
    private long createdAt;
    @Version
    private long version;

    protected Account() {
    }

    /** A self-registered account: trust level LOW until someone proves more (SPEC §1). */
    public static Account register(LoginName login, DisplayName name, EmailAddress email, MobileNumber mobile,
                                   String passwordHash, Instant now) {
        Account a = new Account();
        a.id = Ids.newId();
        a.loginName = login.value();
        a.displayName = name.value();
        a.email = email.value();
        a.mobile = mobile.e164();
        a.mobileVerified = false;
        a.passwordHash = passwordHash;
        a.role = Role.USER;
        a.status = AccountStatus.PENDING_PHONE;
        a.trustLevel = TrustLevel.LOW;
        a.createdAt = now.toEpochMilli();
        return a;
    }

    /** The certification operator's account, waiting for its one-time setup code. No password exists yet. */
    public static Account operatorAwaitingSetup(Instant now) {
        Account a = new Account();
        a.id = Ids.newId();
        a.loginName = OPERATOR_LOGIN;
        a.displayName = "Certification operator";
        a.email = "operator@localhost.invalid";
        a.mobileVerified = false;
        a.role = Role.OPERATOR;
        a.status = AccountStatus.SETUP;
        a.trustLevel = TrustLevel.HIGH;
        a.createdAt = now.toEpochMilli();
        return a;
    }

    /** The operator sets password and mobile number; the number still has to be verified by SMS. */
    public void completeSetup(String newPasswordHash, MobileNumber number) {
        if (status != AccountStatus.SETUP) {
            throw new IllegalStateException("setup already completed");
        }
        this.passwordHash = newPasswordHash;
        this.mobile = number.e164();
        this.status = AccountStatus.PENDING_PHONE;
    }

    /** The user typed the code sent to his number: the number is his. */
    public void confirmMobile() {
        this.mobileVerified = true;
        if (status == AccountStatus.PENDING_PHONE) {
            status = AccountStatus.ACTIVE;
        }
    }

    /** A new, verified mobile number replaces the old one (the caller has re-authenticated the user). */
    public void changeMobile(MobileNumber number) {
        this.mobile = number.e164();
        this.mobileVerified = true;
    }

    public void changeTrustLevel(TrustLevel level) {
        this.trustLevel = level;
    }

    public void disable() {
        this.status = AccountStatus.DISABLED;
    }

    public boolean canOpenSession() {
        return status == AccountStatus.ACTIVE && mobileVerified && passwordHash != null;
    }

    public AccountId id() {
        return new AccountId(id);
    }

    public PartyRef party() {
        return new PartyRef(PartyKind.USER, id);
    }

    public String loginName() {
        return loginName;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Optional<MobileNumber> mobile() {
        return Optional.ofNullable(mobile).map(MobileNumber::ofStored);
    }

    public boolean mobileVerified() {
        return mobileVerified;
    }

    public Optional<String> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public Role role() {
        return role;
    }

    public AccountStatus status() {
        return status;
    }

    public TrustLevel trustLevel() {
        return trustLevel;
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    @Override
    public String toString() {
        return "Account[" + id + ", " + loginName + ", " + status + ", " + trustLevel + "]";
    }
}
