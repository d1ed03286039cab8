package org.domicile.api.office;

/** Body of POST /api/office/mobile/{challengeId}: the new number again and the code it received. */
public record MobileCodeRequest(String mobile, String code) {
    @Override
    public String toString() {
        return "MobileCodeRequest[]";
    }
}
