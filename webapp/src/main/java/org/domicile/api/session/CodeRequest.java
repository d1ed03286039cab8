package org.domicile.api.session;

/** Body of POST /api/sessions/{challengeId}/code: the code from the SMS. Never printed. */
public record CodeRequest(String code) {

    @Override
    public String toString() {
        return "CodeRequest[hidden]";
    }
}
