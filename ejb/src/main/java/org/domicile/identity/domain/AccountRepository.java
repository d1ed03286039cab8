package org.domicile.identity.domain;

import java.util.List;
import java.util.Optional;

/** Where accounts are kept. */
public interface AccountRepository {
    Optional<Account> find(AccountId id);

    Optional<Account> findByLogin(LoginName login);

    boolean loginTaken(LoginName login);

    void add(Account account);

    /** Accounts whose display name, login name or e-mail matches; at most {@code limit}. */
    List<Account> search(String text, int limit);
}
