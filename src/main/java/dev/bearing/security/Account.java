package dev.bearing.security;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A consultant's or admin's login. Respondents have no account. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntity {

    /** What an account may do. */
    public enum Kind {
        /** Manages accounts; sees every assessment. */
        ADMIN(Roles.ADMIN),
        /** Runs the assessments they own or are shared on. */
        CONSULTANT(Roles.CONSULTANT);

        private final String role;

        Kind(String role) {
            this.role = role;
        }

        /** @return the security role name, as in {@code @RolesAllowed} */
        public String role() {
            return role;
        }
    }

    /** Login name, unique ignoring case. */
    @Column(nullable = false, length = 100)
    public String username;

    /** Name shown on pages and in the audit log. */
    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    /** Where invitations' replies and notices go; optional. */
    @Column(length = 320)
    public String email;

    /** bcrypt hash (modular crypt format), never the password. */
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    /** Admin or consultant. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Kind role;

    /** A disabled account cannot log in, and its open sessions and API tokens stop working. */
    @Column(nullable = false)
    public boolean enabled;

    /** Set for a generated or reset password: every page asks for a new one first. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    /** Failed logins since the last success. */
    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    /** Logins are refused until then (after repeated failures), or null. */
    @Column(name = "locked_until")
    public Instant lockedUntil;

    /** When the account was created. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the password was last set. */
    @Column(name = "password_changed_at", nullable = false)
    public Instant passwordChangedAt;

    /** Optimistic lock version. */
    @Version
    public int version;

    /** @return the account with this username, ignoring case */
    public static Optional<Account> byUsername(String username) {
        if (username != null && username.indexOf('\u0000') >= 0) {
            // no username has one, and PostgreSQL refuses it in a query's text
            return Optional.empty();
        }
        return find("lower(username) = lower(?1)", username == null ? "" : username.strip()).firstResultOptional();
    }

    /** @return all accounts by username */
    public static List<Account> byName() {
        return list("order by lower(username)");
    }
}
