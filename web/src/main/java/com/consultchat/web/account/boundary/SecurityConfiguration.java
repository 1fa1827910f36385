package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.PasswordHashes;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Form login on our own Faces page against the account table. Disabled accounts find no password,
 * so they cannot log in; the answer never says whether a username exists.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = "/login.xhtml",
            errorPage = "",
            // A redirect gives the login page its own URL, so reloading it is harmless.
            useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "java:jboss/datasources/ConsultChatDS",
    callerQuery =
        "select password_hash from account where username = lower(?) and status = 'ACTIVE'",
    groupsQuery = "select role from account where username = lower(?)",
    hashAlgorithm = Pbkdf2PasswordHash.class,
    hashAlgorithmParameters = {
      PasswordHashes.ALGORITHM,
      PasswordHashes.ITERATIONS,
      PasswordHashes.SALT_SIZE,
      PasswordHashes.KEY_SIZE
    })
@DeclareRoles({"PATIENT", "STAFF", "ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {}
