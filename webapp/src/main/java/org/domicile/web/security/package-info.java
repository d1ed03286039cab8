/**
 * Web-tier security plumbing: response headers, the guard of the office and the console, and
 * what the browser's HTTP session holds (a pending code challenge, then the office session token).
 */
package org.domicile.web.security;
