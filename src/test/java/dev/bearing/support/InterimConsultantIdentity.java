package dev.bearing.support;

import dev.bearing.security.Roles;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * TEMPORARY, tests only (branch i8-people): until login lands and {@link Api#consultant()} carries
 * real credentials, an anonymous test request acts as the consultant {@code test-consultant} with
 * both roles, so resources already annotated with {@code @RolesAllowed} can be tested. Delete this
 * class when the login work is merged: it would otherwise hide every access refusal in tests.
 */
@ApplicationScoped
public class InterimConsultantIdentity implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("test-consultant"))
                .addRole(Roles.CONSULTANT).addRole(Roles.ADMIN).build());
    }
}
