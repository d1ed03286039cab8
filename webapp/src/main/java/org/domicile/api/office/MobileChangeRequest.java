package org.domicile.api.office;

/** Body of POST /api/office/mobile: the password again and the new number. */
public record MobileChangeRequest(String password, String mobile) {
    @Override
    public String toString() {
        return "MobileChangeRequest[]";
    }
}
