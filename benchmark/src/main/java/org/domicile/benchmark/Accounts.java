package org.domicile.benchmark;

import java.time.Duration;
import java.time.Instant;
import org.domicile.certification.json.Json;

/**
 * The virtual users' accounts over the API: registration with the code that verifies the number, and
 * login (password, trust check, code), every code read from the outbox like a person reads his phone.
 */
final class Accounts {

    /** The password of every account the driver makes; a throw-away installation's, not a secret. */
    static final String PASSWORD = "benchmark passphrase, not a secret";

    private static final Duration CODE_TIMEOUT = Duration.ofSeconds(15);

    /** A logged-in user. The token stays out of {@link #toString()}. */
    record Participant(String loginName, String mobile, String accountId, String token) {

        /** The directory key, e.g. "USER:…", as recipients and counterparts are named. */
        String key() {
            return "USER:" + accountId;
        }

        @Override
        public String toString() {
            return "Participant[" + loginName + "]";
        }
    }

    private final ServiceApi api;
    private final OutboxTail outbox;

    Accounts(ServiceApi api, OutboxTail outbox) {
        this.api = api;
        this.outbox = outbox;
    }

    /** Registers an account (level LOW) and verifies its number with the code sent to it. */
    void register(String loginName, String mobile) {
        Instant asked = expectCode(mobile);
        var challenge = api.post("/api/accounts", "{\"loginName\":" + Json.quote(loginName)
                + ",\"displayName\":" + Json.quote("Benchmark " + loginName)
                + ",\"email\":" + Json.quote(loginName + "@example.org")
                + ",\"mobile\":" + Json.quote(mobile)
                + ",\"password\":" + Json.quote(PASSWORD) + "}", null).expect(201, "POST /api/accounts");
        confirm(challenge.text("challengeId"), mobile, asked);
    }

    /** Logs in with the password and the code; the open session. */
    Participant logIn(String loginName, String mobile, String password) {
        Instant asked = expectCode(mobile);
        var challenge = api.post("/api/sessions", "{\"loginName\":" + Json.quote(loginName) + ",\"password\":"
                + Json.quote(password) + "}", null).expect(201, "POST /api/sessions");
        var session = confirm(challenge.text("challengeId"), mobile, asked);
        return new Participant(loginName, mobile, session.text("accountId"), session.text("token"));
    }

    /** Call before a request that sends a code to {@code mobile}; give the answer to {@link #code}. */
    Instant expectCode(String mobile) {
        outbox.forget(mobile);
        return Instant.now();
    }

    /** The newest code sent to {@code mobile} since {@code asked}. */
    String code(String mobile, Instant asked) {
        try {
            String code = outbox.awaitCode(mobile, asked, CODE_TIMEOUT);
            if (code == null) {
                throw new ServiceApi.StepFailed("no code in the outbox within " + CODE_TIMEOUT.toSeconds() + " s");
            }
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceApi.StepFailed("interrupted");
        }
    }

    private ServiceApi.Answer confirm(String challengeId, String mobile, Instant asked) {
        return api.post("/api/sessions/" + challengeId + "/code", "{\"code\":" + Json.quote(code(mobile, asked)) + "}",
                null).expect(200, "POST /api/sessions/{challengeId}/code");
    }
}
