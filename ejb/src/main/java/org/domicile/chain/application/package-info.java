/** Running the steps: the certification server's orders and checks, the operators' work, the worker. */
package org.domicile.chain.application;
