package org.domicile.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountId;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.identity.domain.LoginName;

/** Accounts in the relational database. */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Override
    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(em.find(Account.class, id.value()));
    }

    @Override
    public Optional<Account> findByLogin(LoginName login) {
        return em.createQuery("select a from Account a where a.loginName = :l", Account.class)
                .setParameter("l", login.value())
                .getResultStream().findFirst();
    }

    @Override
    public boolean loginTaken(LoginName login) {
        return findByLogin(login).isPresent();
    }

    @Override
    public void add(Account account) {
        em.persist(account);
        em.flush();
    }

    @Override
    public List<Account> search(String text, int limit) {
        String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        return em.createQuery("select a from Account a where a.status = org.domicile.identity.domain.AccountStatus.ACTIVE"
                        + " and (lower(a.displayName) like :p escape '\\' or a.loginName like :p escape '\\'"
                        + " or lower(a.email) = :e) order by a.displayName", Account.class)
                .setParameter("p", pattern)
                .setParameter("e", text.toLowerCase(Locale.ROOT))
                .setMaxResults(limit)
                .getResultList();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
