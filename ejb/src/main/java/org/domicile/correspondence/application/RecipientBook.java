package org.domicile.correspondence.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.directory.application.Directory;
import org.domicile.directory.application.DirectoryEntry;
import org.domicile.identity.domain.AccountId;
import org.domicile.platform.Ids;

/**
 * Recipients are chosen from the directory (the sender's counterparts are in it): a user or an
 * organisation, never the sender himself, each once, at most 50.
 */
@ApplicationScoped
public class RecipientBook {

    static final String FIELD = "recipients";

    @EJB
    Directory directory;

    /** The parties behind the keys, in order; problems go to {@code errors} under "recipients". */
    public List<PartyRef> resolve(AccountId sender, List<String> keys, Map<String, String> errors) {
        if (keys.isEmpty()) {
            errors.put(FIELD, "Recipients: choose at least one recipient.");
            return List.of();
        }
        if (keys.size() > Correspondence.MAX_RECIPIENTS) {
            errors.put(FIELD, "Recipients: at most " + Correspondence.MAX_RECIPIENTS + " per correspondence.");
            return List.of();
        }
        var parties = new ArrayList<PartyRef>();
        var seen = new HashSet<PartyRef>();
        for (String key : keys) {
            Optional<PartyRef> party = parse(key);
            if (party.isEmpty()) {
                errors.put(FIELD, "Recipients: choose users or organisations from the directory.");
                return List.of();
            }
            PartyRef p = party.get();
            if (p.kind() == PartyKind.USER && p.id().equals(sender.value())) {
                errors.put(FIELD, "Recipients: you cannot send a correspondence to yourself.");
                return List.of();
            }
            Optional<DirectoryEntry> entry = directory.find(p);
            if (entry.isEmpty()) {
                errors.put(FIELD, "Recipients: one of the chosen parties is not in the directory.");
                return List.of();
            }
            if (!seen.add(p)) {
                errors.put(FIELD, "Recipients: " + entry.get().displayName() + " is chosen twice.");
                return List.of();
            }
            parties.add(p);
        }
        return parties;
    }

    /** A recipient as the directory shows him now, or marked as gone. */
    public RecipientView view(PartyRef party) {
        return directory.find(party)
                .map(e -> new RecipientView(e.key(), e.displayName(), e.trustLevel()))
                .orElseGet(() -> new RecipientView(party.toString(), "(no longer in the directory)", TrustLevel.NONE));
    }

    public boolean inDirectory(PartyRef party) {
        return directory.find(party).isPresent();
    }

    /** "USER:id" or "ORGANISATION:id", the keys the directory gives out. */
    static Optional<PartyRef> parse(String key) {
        if (key == null || key.length() > 80) {
            return Optional.empty();
        }
        int colon = key.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String kind = key.substring(0, colon);
        String id = key.substring(colon + 1);
        if (!Ids.looksLikeId(id)) {
            return Optional.empty();
        }
        return switch (kind) {
            case "USER" -> Optional.of(new PartyRef(PartyKind.USER, id));
            case "ORGANISATION" -> Optional.of(new PartyRef(PartyKind.ORGANISATION, id));
            default -> Optional.empty();
        };
    }
}
