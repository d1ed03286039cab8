package org.domicile.certification.evidence;

import java.util.Arrays;

/** The events that produce evidence, with their ETSI EN 319 522 names as written in evidence JSON. */
public enum EvidenceEvent {
    SUBMISSION_ACCEPTANCE("SubmissionAcceptance", false),
    SUBMISSION_REJECTION("SubmissionRejection", true),
    CONTENT_CONSIGNMENT("ContentConsignment", false),
    CONTENT_CONSIGNMENT_FAILURE("ContentConsignmentFailure", true),
    CONSIGNMENT_NOTIFICATION("ConsignmentNotification", false),
    CONSIGNMENT_NOTIFICATION_FAILURE("ConsignmentNotificationFailure", true),
    NOTIFICATION_FOR_ACCEPTANCE("NotificationForAcceptance", false),
    CONSIGNMENT_ACCEPTANCE("ConsignmentAcceptance", false),
    CONSIGNMENT_REJECTION("ConsignmentRejection", true),
    ACCEPTANCE_REJECTION_EXPIRY("AcceptanceRejectionExpiry", true),
    CONTENT_HANDOVER("ContentHandover", false),
    CONTENT_HANDOVER_FAILURE("ContentHandoverFailure", true),
    RELAY_ACCEPTANCE("RelayAcceptance", false),
    RELAY_REJECTION("RelayRejection", true),
    RELAY_FAILURE("RelayFailure", true),
    RELAY_TO_NON_ERDS("RelayToNonERDS", false),
    RECEIVED_FROM_NON_ERDS("ReceivedFromNonERDS", false);

    private final String etsiName;
    private final boolean negative;

    EvidenceEvent(String etsiName, boolean negative) {
        this.etsiName = etsiName;
        this.negative = negative;
    }

    /** The name as written in evidence JSON, e.g. "SubmissionAcceptance". */
    public String etsiName() {
        return etsiName;
    }

    /** Whether the event reports a rejection, failure or expiry; its evidence must then give a reason. */
    public boolean negative() {
        return negative;
    }

    /**
     * The event with exactly this ETSI name.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static EvidenceEvent ofEtsiName(String name) {
        for (EvidenceEvent event : values()) {
            if (event.etsiName.equals(name)) {
                return event;
            }
        }
        throw new IllegalArgumentException("unknown evidence event '" + name + "'; expected one of "
                + Arrays.stream(values()).map(EvidenceEvent::etsiName).toList());
    }
}
