package org.domicile.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.domicile.certification.trust.Shortfall;
import org.domicile.directory.domain.Organisation;
import org.domicile.identity.domain.Account;
import org.domicile.operators.domain.ProcessingOperator;
import org.domicile.trust.application.TrustVerdict;

/**
 * Turns a trust refusal into sentences for the user. It names only his own parties: himself,
 * the counterparts he chose and the processing chain; nothing else about other people.
 */
@ApplicationScoped
public class PartyNames {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    public List<String> explain(Account asker, TrustVerdict verdict) {
        var reasons = new ArrayList<String>();
        if (verdict.shortfalls().isEmpty()) {
            reasons.add("the certification server could not confirm the trust levels right now. Please try again later.");
            return reasons;
        }
        for (Shortfall s : verdict.shortfalls()) {
            String required = s.required().name();
            reasons.add(switch (s.party().kind()) {
                case USER -> s.party().id().equals(asker.id().value())
                        ? "your trust level is " + s.actual() + ", " + required + " is required."
                        : "your counterpart " + userName(s.party().id()) + " does not reach trust level "
                          + required + ".";
                case ORGANISATION -> "your counterpart " + organisationName(s.party().id())
                        + " does not reach trust level " + required + ".";
                case OPERATOR -> "the processing operator \"" + operatorName(s.party().id())
                        + "\" does not reach trust level " + required + " right now.";
            });
        }
        return reasons;
    }

    private String userName(String id) {
        var a = em.find(Account.class, id);
        return a == null ? "(unknown)" : a.displayName();
    }

    private String organisationName(String id) {
        var o = em.find(Organisation.class, id);
        return o == null ? "(unknown)" : o.name();
    }

    private String operatorName(String id) {
        var o = em.find(ProcessingOperator.class, id);
        return o == null ? id : o.displayName();
    }
}
