/**
 * The JSON API under {@code /api}: the application class, bearer-token authentication and the
 * mappers that turn every failure into a JSON answer. Resources live in the feature packages.
 */
package org.domicile.api;
