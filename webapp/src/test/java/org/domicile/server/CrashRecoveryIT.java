package org.domicile.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.domicile.testing.Accounts;
import org.domicile.testing.Api;
import org.domicile.testing.Outbox;
import org.domicile.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SECURITY-BASELINE 25: what the server acknowledged survives {@code kill -9}. On the embedded
 * default (file database), the server is killed right after telling users that their account
 * was verified, that a code was sent and that their session is open — and while registrations
 * are still arriving; after a restart every acknowledged thing is there.
 */
class CrashRecoveryIT {

    private static final String PASSWORD = Accounts.PASSWORD;

    private static ServerProcess server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = ServerProcess.start("crash-it", Map.of());
        api = new Api(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @DisplayName("Rule 25: accounts, codes sent, open sessions and in-flight registrations survive kill -9")
    void acknowledgedWorkSurvivesKill() throws Exception {
        // An account registered and verified.
        String alice = Api.newLogin("alice");
        String aliceMobile = Api.newMobile();
        Accounts.verified(api, alice, aliceMobile);
        // A login whose code was sent but not yet typed.
        var pending = api.login(alice, PASSWORD);
        assertEquals(201, pending.status(), pending.body());
        String pendingCode = Outbox.latestCode(api, aliceMobile);
        // Another user with an open session.
        String bob = Api.newLogin("bob");
        String bobMobile = Api.newMobile();
        Accounts.verified(api, bob, bobMobile);
        var bobChallenge = api.login(bob, PASSWORD);
        var bobSession = api.code(bobChallenge.require("challengeId"), Outbox.latestCode(api, bobMobile));
        assertEquals(200, bobSession.status(), bobSession.body());
        String bobToken = bobSession.require("token");

        // Registrations still arriving when the process dies: four clients register one account
        // after another until the server is gone; every 201 they got is an acknowledgement.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger cut = new java.util.concurrent.atomic.AtomicInteger();
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(pool.submit(() -> {
                for (int n = 0; n < 200; n++) {
                    String login = Api.newLogin("late");
                    try {
                        if (api.register(login, Api.newMobile(), PASSWORD).status() == 201) {
                            acknowledged.add(login);
                        }
                    } catch (RuntimeException connectionCut) {
                        cut.incrementAndGet();
                        return;
                    }
                }
            }));
        }
        Thread.sleep(3_000);
        server.kill();
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        System.out.println("[crash-it] registrations acknowledged before the kill: " + acknowledged.size()
                + "; requests cut by the kill: " + cut.get());
        assertFalse(acknowledged.isEmpty(), "some registrations were acknowledged before the kill");

        server.startAgain();

        var aliceSession = api.code(pending.require("challengeId"), pendingCode);
        assertEquals(200, aliceSession.status(), "the code sent before the kill still opens: " + aliceSession.body());
        assertEquals(200, api.get("/api/office", bobToken).status(), "Bob's session is still open");
        for (String login : acknowledged) {
            var again = api.register(login, Api.newMobile(), PASSWORD);
            assertEquals(400, again.status(), login + " was acknowledged, so it must still exist: " + again.body());
            assertTrue(again.require("error").contains("taken"), again.body());
        }
        assertFalse(server.output().contains(pendingCode), "Rule 11: a code in the server output");
    }
}
