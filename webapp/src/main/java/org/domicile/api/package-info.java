/**
 * The JSON API under {@code /api}: the application class, bearer-token authentication and the
 * mappers that turn every failure into a JSON answer. Resources live in the feature packages.
 * They are application-scoped (one instance, so no enterprise-bean references looked up for each
 * request) and hold nothing of a request: the request itself is CDI's request-bound
 * {@code HttpServletRequest} ({@code @Inject}), the session {@link org.domicile.api.CurrentSession}.
 */
package org.domicile.api;
