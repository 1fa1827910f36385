package com.consultchat.web.account.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login on our own Faces page; {@link AccountIdentityStore} checks the password. Disabled
 * accounts cannot log in, and the answer never says whether a username exists.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = "/login.xhtml",
            errorPage = "",
            // A redirect gives the login page its own URL, so reloading it is harmless.
            useForwardToLogin = false))
@DeclareRoles({"PATIENT", "STAFF", "ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {}
