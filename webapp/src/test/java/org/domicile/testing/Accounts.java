package org.domicile.testing;

/**
 * Users of a test server made through the API as a person makes them: register, type the code
 * from the phone, log in with password and code, read the office for the account id.
 */
public final class Accounts {

    public static final String PASSWORD = "a long enough passphrase";

    /** A verified user with an open session. */
    public record User(String login, String mobile, String token, String accountId) {
        /** His key as a recipient or counterpart ("USER:&lt;account id&gt;"). */
        public String key() {
            return "USER:" + accountId;
        }

        @Override
        public String toString() {
            return "User[" + login + "]";
        }
    }

    private Accounts() {
    }

    /** Registers a new account (login name starting with {@code prefix}), verifies it and opens a session. */
    public static User open(Api api, String prefix) {
        String login = Api.newLogin(prefix);
        String mobile = Api.newMobile();
        verified(api, login, mobile);
        String token = login(api, login, mobile);
        var office = api.get("/api/office", token).expect(200, "the office of " + login);
        return new User(login, mobile, token, office.require("accountId"));
    }

    /** Registers an account and types the code it was sent. */
    public static void verified(Api api, String login, String mobile) {
        var challenge = api.register(login, mobile, PASSWORD).expect(201, "registering " + login);
        api.code(challenge.require("challengeId"), Outbox.latestCode(api, mobile)).expect(200, "verifying " + login);
    }

    /** Logs in with the password and the code; returns the session token. */
    public static String login(Api api, String login, String mobile) {
        var challenge = api.login(login, PASSWORD).expect(201, "logging in " + login);
        var session = api.code(challenge.require("challengeId"), Outbox.latestCode(api, mobile))
                .expect(200, "the login code of " + login);
        return session.require("token");
    }

    /** {@code owner} adds {@code counterpart} to his office's counterparts, so that he can write to him. */
    public static void addCounterpart(Api api, User owner, User counterpart) {
        api.post("/api/office/counterparts", "{\"key\":\"" + counterpart.key() + "\"}", owner.token())
                .expect(200, owner + " adding " + counterpart);
    }

}
