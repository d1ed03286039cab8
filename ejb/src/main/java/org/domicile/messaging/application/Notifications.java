package org.domicile.messaging.application;

import jakarta.ejb.Stateless;

@Stateless
public class Notifications {
    public String enqueue(String accountId, String purpose, String body, String reference) {
        return reference;
    }
}
