package org.promiseledger.web.identity.internal;

/** How people sign in to the web pages (promise-ledger.security.login). */
public enum LoginMode {
    /** Logins in app_user with bcrypt hashes, managed by HR on the Users page and by `users` on the command line. */
    LOCAL,
    /** The company directory: bind authentication, directory groups mapped to roles, an attribute giving the employee. */
    LDAP,
    /** The company's single sign-on (OpenID Connect): a groups claim mapped to roles, a claim giving the employee. */
    OIDC
}
