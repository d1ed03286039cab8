/**
 * The correspondence benchmark and the login load, reported and not tests:
 * {@link org.domicile.benchmark.CryptoBound} does the certification work of a registered correspondence with the
 * library alone, the upper bound of what the service can reach; {@link org.domicile.benchmark.ServiceDriver} sends correspondences through a running
 * server, playing senders, recipients and the operator ({@code deploy/benchmark.sh} runs both);
 * {@link org.domicile.benchmark.LoginLoad} runs complete office logins against a running server
 * ({@code deploy/load-test.sh}). The three share the API client, the outbox reader and the measurements.
 */
package org.domicile.benchmark;
