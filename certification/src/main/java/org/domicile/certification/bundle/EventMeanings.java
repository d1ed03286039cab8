package org.domicile.certification.bundle;

import java.util.Map;

/** What each ETSI EN 319 522 evidence event means, in words a sender or recipient understands. */
public final class EventMeanings {

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("SubmissionAcceptance", "the service accepted the correspondence from the sender"),
            Map.entry("SubmissionRejection", "the service refused the correspondence from the sender"),
            Map.entry("ContentConsignment", "the correspondence was placed in the recipient's office"),
            Map.entry("ContentConsignmentFailure", "the correspondence could not be placed in the recipient's office"),
            Map.entry("ConsignmentNotification", "the recipient was notified that a correspondence waits"),
            Map.entry("ConsignmentNotificationFailure", "the recipient could not be shown to have been notified"),
            Map.entry("NotificationForAcceptance", "the recipient was asked to accept or refuse the correspondence"),
            Map.entry("ConsignmentAcceptance", "the recipient accepted the correspondence"),
            Map.entry("ConsignmentRejection", "the recipient refused the correspondence"),
            Map.entry("AcceptanceRejectionExpiry",
                    "the recipient neither accepted nor refused before the deadline: the correspondence expired"),
            Map.entry("ContentHandover", "the content was handed over to the recipient"),
            Map.entry("ContentHandoverFailure", "the content could not be handed over to the recipient"),
            Map.entry("RelayAcceptance", "another registered delivery provider accepted the correspondence"),
            Map.entry("RelayRejection", "another registered delivery provider refused the correspondence"),
            Map.entry("RelayFailure", "the correspondence could not be passed on to another provider"),
            Map.entry("RelayToNonERDS", "the correspondence was sent on by ordinary e-mail"),
            Map.entry("ReceivedFromNonERDS", "the correspondence was received by ordinary e-mail"));

    private EventMeanings() {
    }

    /** The plain-language meaning of {@code event}, or a neutral sentence for an event this list lacks. */
    public static String of(String event) {
        return MEANINGS.getOrDefault(event, "an event recorded by the service");
    }

    /** Whether the event reports that something did not happen (rejection, failure, expiry). */
    public static boolean isNegative(String event) {
        return event != null && (event.endsWith("Rejection") || event.endsWith("Failure")
                || event.endsWith("Expiry"));
    }
}
