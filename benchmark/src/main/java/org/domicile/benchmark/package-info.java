/**
 * The correspondence benchmark, reported and not a test: {@link org.domicile.benchmark.CryptoBound} does the
 * certification work of a registered correspondence with the library alone, the upper bound of what the
 * service can reach; {@link org.domicile.benchmark.ServiceDriver} sends correspondences through a running
 * server, playing senders, recipients and the operator. {@code deploy/benchmark.sh} runs both.
 */
package org.domicile.benchmark;
