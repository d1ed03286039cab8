package org.domicile.api.session;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The code verified the mobile number; the user may now log in. */
@Schema(name = "PhoneVerifiedJson", description = "The mobile number is verified; log in next.")
public record PhoneVerifiedJson(String purpose, boolean verified) {
}
