package dev.bearing.security;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A personal API token for scripts ({@code Authorization: Bearer bearing_...}). Only its SHA-256
 * is stored; the token is shown once, at creation. It acts as its account, with its roles.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntity {

    /** The account the token acts as. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    public Account account;

    /** What the owner called it, e.g. "nightly export". */
    @Column(nullable = false, length = 100)
    public String name;

    /** SHA-256 (64 hex characters) of the token. */
    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    /** When it was created. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When it was last used, or null. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** When it was revoked, or null while it works. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** @return the unrevoked token with this hash */
    public static Optional<ApiToken> activeByHash(String hash) {
        return find("tokenHash = ?1 and revokedAt is null", hash).firstResultOptional();
    }

    /** @return an account's tokens, newest first */
    public static List<ApiToken> ofAccount(long accountId) {
        return list("account.id = ?1 order by createdAt desc, id desc", accountId);
    }
}
