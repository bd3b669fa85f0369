package dev.bearing.security;

import dev.bearing.common.BearingConfig;
import dev.bearing.common.Identities;
import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import dev.bearing.common.StorableText;
import dev.bearing.common.TokenGenerator;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts: login checks, the first admin, what admins do to accounts (create, disable, enable,
 * reset), password changes and personal API tokens. Passwords are kept only as bcrypt hashes
 * (WildFly Elytron through Quarkus's {@link BcryptUtil}, cost 12).
 */
@ApplicationScoped
public class AccountService {

    /** bcrypt cost: 2^12 rounds, about 0.25 s per check on a small server core ({@code bearing.admin.bcrypt-cost}). */
    static final int BCRYPT_COST = 12;
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** Prefix of personal API tokens, so a leaked one is recognisable. */
    public static final String API_TOKEN_PREFIX = "bearing_";

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
    /**
     * Checked when the username is unknown, so a wrong username costs as long as a wrong password:
     * the bcrypt hash (cost {@value #BCRYPT_COST}) of "no account has this password", written out
     * rather than computed, because computing it in this class's initialiser cost about 1.5 s of
     * CPU on the start-up path (JFR, issue 10).
     */
    static final String DUMMY_HASH = "$2a$12$64m/REHdmqDrfdXJiu3wzOaTjcw4ffK9Eyx4Oa8Ynbkb0vtHnUmPe";

    @Inject
    Clock clock;

    @Inject
    TokenGenerator tokens;

    @Inject
    Audit audit;

    @Inject
    BearingConfig config;

    @Inject
    LoginThrottle throttle;

    /** What a login attempt came to. */
    public record LoginOutcome(SecurityIdentity identity, String failure) {
    }

    /** An account as pages and the API show it (never the hash). */
    public record AccountView(long id, String username, String displayName, String email, String role, boolean enabled,
            boolean mustChangePassword, Instant lockedUntil, Instant createdAt) {
    }

    /** A password or token shown once. */
    public record OneTime(AccountView account, String secret) {
    }

    /**
     * A personal API token just created: the only time its secret is known.
     *
     * @param id the token's id (grows as tokens are made)
     * @param name its name, as stored (stripped)
     * @param secret the token itself ({@code bearing_…}), shown once
     */
    public record NewToken(long id, String name, String secret) {
    }

    /** A personal API token as listed (never the token). */
    public record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /**
     * Checks a username and password. Never says which was wrong; the audit log records why.
     *
     * @param address the client's IP address, recorded with the attempt in the audit log; null when not known
     * @return the identity, or the reason for the audit log
     */
    @Transactional
    public LoginOutcome login(String username, String password, String address, boolean locked, boolean form) {
        Instant now = clock.instant();
        Optional<Account> found = Account.byUsername(username);
        String failure;
        if (locked) {
            failure = "locked after repeated failures";
        } else if (found.isEmpty()) {
            BcryptUtil.matches(password, DUMMY_HASH);
            failure = "unknown username";
        } else if (found.get().lockedUntil != null && found.get().lockedUntil.isAfter(now)) {
            failure = "account locked until " + found.get().lockedUntil;
        } else if (!BcryptUtil.matches(password, found.get().passwordHash)) {
            failure = "wrong password";
        } else if (!found.get().enabled) {
            failure = "account disabled";
        } else {
            failure = null;
        }
        String name = found.map(a -> a.username).orElse(username == null ? "" : username.strip());
        if (failure != null) {
            found.ifPresent(a -> {
                if (a.lockedUntil == null || !a.lockedUntil.isAfter(now)) {
                    a.failedLogins++;
                    if (a.failedLogins >= LoginThrottle.LOCK_USERNAME_AFTER) {
                        a.lockedUntil = now.plus(LoginThrottle.WINDOW);
                        a.failedLogins = 0;
                    }
                }
            });
            audit.recordFrom(name.isEmpty() ? "anonymous" : name, "login.failed", null, failure, address);
            return new LoginOutcome(null, failure);
        }
        Account a = found.get();
        a.failedLogins = 0;
        a.lockedUntil = null;
        if (form) {
            // HTTP Basic checks the password on every request of a script: only failures are worth a line
            audit.recordFrom(a.username, "login.succeeded", null, "", address);
        }
        return new LoginOutcome(identity(a), null);
    }

    /**
     * @return the identity of a logged-in session's account, or empty when the account is gone or
     *     disabled (the session then ends)
     */
    @Transactional
    public Optional<SecurityIdentity> session(String username) {
        return Account.byUsername(username).filter(a -> a.enabled).map(AccountService::identity);
    }

    /** @return the identity a personal API token acts as, or empty when unknown, revoked or disabled */
    @Transactional
    public Optional<SecurityIdentity> apiToken(String token) {
        if (token == null || !token.startsWith(API_TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> t = ApiToken.activeByHash(TokenGenerator.hash(token));
        if (t.isEmpty() || !t.get().account.enabled) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (t.get().lastUsedAt == null || t.get().lastUsedAt.isBefore(now.minusSeconds(60))) {
            t.get().lastUsedAt = now;
        }
        return Optional.of(identity(t.get().account));
    }

    static SecurityIdentity identity(Account a) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(a.username)).addRole(a.role.role())
                .addAttribute(Identities.ACCOUNT_ID, a.id)
                .addAttribute(Identities.MUST_CHANGE_PASSWORD, a.mustChangePassword).build();
    }

    /**
     * Creates the first admin when there is no account: username {@code bearing.admin.username};
     * password from {@code bearing.admin.password} when set, otherwise generated and returned so
     * the caller can print it once (it must be changed at first login).
     *
     * @return the generated password, or empty when an account existed or the password was configured
     */
    @Transactional
    public Optional<OneTime> bootstrapAdmin() {
        if (Account.count() > 0) {
            return Optional.empty();
        }
        Optional<String> configured = config.admin().password().filter(p -> !p.isBlank());
        String password = configured.orElseGet(this::generatedPassword);
        Account a = newAccount(config.admin().username(), "Administrator", null, Account.Kind.ADMIN, password,
                configured.isEmpty());
        audit.recordAs("system", "account.created", null, "first admin \"" + a.username + "\""
                + (configured.isEmpty() ? " with a generated one-time password" : " with the configured password"));
        return configured.isPresent() ? Optional.empty() : Optional.of(new OneTime(view(a), password));
    }

    /** @return every account, by username */
    @Transactional
    public List<AccountView> accounts() {
        return Account.byName().stream().map(AccountService::view).toList();
    }

    /**
     * Creates an account with a generated one-time password (changed at first login).
     *
     * @throws ProblemException 400 naming every field at fault; 409 when the username is taken
     */
    @Transactional
    public OneTime create(String username, String displayName, String email, String role) {
        // every field at fault is named at once
        List<Problem.FieldError> errors = new ArrayList<>();
        String u = username == null ? "" : username.strip();
        if (!USERNAME.matcher(u).matches()) {
            errors.add(new Problem.FieldError("username", "Use 2 to 100 letters, digits, dots, hyphens, underscores or @."));
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            errors.add(new Problem.FieldError("displayName", "Give the person's name (up to 200 characters)."));
        } else if (StorableText.hasNul(displayName)) {
            errors.add(StorableText.nulError("displayName"));
        }
        String mail = email == null || email.isBlank() ? null : email.strip();
        if (mail != null && (mail.length() > 320 || !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.add(new Problem.FieldError("email", "Give an e-mail address such as name@example.com, or leave it empty."));
        } else if (StorableText.hasNul(mail)) {
            errors.add(StorableText.nulError("email"));
        }
        Account.Kind kind = null;
        try {
            kind = Account.Kind.valueOf((role == null ? "" : role.strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("role", "Choose CONSULTANT or ADMIN."));
        }
        boolean taken = errors.stream().noneMatch(e -> e.field().equals("username")) && Account.byUsername(u).isPresent();
        if (taken && !errors.isEmpty()) {
            // named with the other faults, so that one correction does not meet a second refusal
            errors.add(0, new Problem.FieldError("username", "The username \"" + u + "\" is taken."));
        }
        ProblemException.throwIfAny(errors);
        if (taken) {
            throw new ProblemException(409, "Conflict", "The username \"" + u + "\" is taken.",
                    List.of(new Problem.FieldError("username", "The username \"" + u + "\" is taken.")));
        }
        String password = generatedPassword();
        Account a = newAccount(u, displayName.strip(), mail, kind, password, true);
        audit.record("account.created", null, "\"" + a.username + "\" as " + kind.name().toLowerCase(Locale.ROOT));
        return new OneTime(view(a), password);
    }

    /**
     * Disables or enables an account. A disabled account's sessions and API tokens stop working at
     * their next request. An admin cannot disable their own account (someone must be able to undo it).
     */
    @Transactional
    public AccountView setEnabled(long id, boolean enabled, String actor) {
        Account a = find(id);
        if (!enabled && a.username.equalsIgnoreCase(actor)) {
            throw ProblemException.badField("enabled", "You cannot disable your own account; ask another admin.");
        }
        a.enabled = enabled;
        int lifted = 0;
        if (enabled) {
            a.lockedUntil = null;
            a.failedLogins = 0;
            lifted = throttle.lift(a.username);
        }
        audit.record(enabled ? "account.enabled" : "account.disabled", null, "\"" + a.username + "\""
                + (lifted == 0 ? "" : "; the pause of " + dev.bearing.common.UserText.count(lifted, "address") + " its failures came from lifted"));
        return view(a);
    }

    /** Sets a generated one-time password (changed at next login) and lifts any lock. */
    @Transactional
    public OneTime resetPassword(long id) {
        return reset(find(id), null);
    }

    /**
     * The way back in when nobody can log in as an admin (the only admin's password forgotten, or
     * the admins disabled by each other): {@code bearing reset-password USERNAME} on the server,
     * with no request and no session. As {@link #resetPassword}, and the account is enabled again; the audit log
     * names the command line as the actor.
     *
     * @param username the account's username, any case
     * @return the account and its one-time password
     * @throws ProblemException 400 naming {@code username} when there is no such account, with the
     *     usernames there are
     */
    @Transactional
    public OneTime recover(String username) {
        Account a = Account.byUsername(username).orElseThrow(() -> ProblemException.badField("username",
                "There is no account named \"" + username + "\". Accounts: "
                        + String.join(", ", Account.byName().stream().map(x -> x.username).toList()) + "."));
        boolean wasDisabled = !a.enabled;
        a.enabled = true;
        return reset(a, "command line (bearing reset-password)" + (wasDisabled ? "; the account was disabled and is enabled again" : ""));
    }

    /** @param how for the audit when not an admin's request: who reset it and what else changed */
    private OneTime reset(Account a, String how) {
        String password = generatedPassword();
        a.passwordHash = BcryptUtil.bcryptHash(password, config.admin().bcryptCost());
        a.mustChangePassword = true;
        a.passwordChangedAt = clock.instant();
        a.lockedUntil = null;
        a.failedLogins = 0;
        throttle.lift(a.username);
        // a reset means the account may be in the wrong hands: its API tokens stop working too
        int revoked = ApiToken.update("revokedAt = ?1 where account.id = ?2 and revokedAt is null", clock.instant(), a.id);
        String detail = "\"" + a.username + "\""
                + (revoked == 0 ? "" : "; " + dev.bearing.common.UserText.count(revoked, "API token") + " revoked");
        if (how == null) {
            audit.record("account.password-reset", null, detail);
        } else {
            audit.recordAs("system", "account.password-reset", null, detail + "; from the " + how);
        }
        return new OneTime(view(a), password);
    }

    /**
     * Changes the caller's own password.
     *
     * @throws ProblemException 400 naming every field at fault ({@code currentPassword}, {@code newPassword},
     *     {@code repeatPassword})
     */
    @Transactional
    public void changePassword(long accountId, String current, String next, String repeat) {
        Account a = find(accountId);
        // every field at fault is named at once
        List<Problem.FieldError> errors = new ArrayList<>();
        if (current == null || current.isEmpty()) {
            errors.add(new Problem.FieldError("currentPassword", "Enter your current password."));
        } else if (!BcryptUtil.matches(current, a.passwordHash)) {
            errors.add(new Problem.FieldError("currentPassword", "That is not your current password."));
        }
        if (next == null || next.isEmpty()) {
            errors.add(new Problem.FieldError("newPassword", "Enter a new password of at least " + MIN_PASSWORD_LENGTH + " characters."));
        } else if (next.length() < MIN_PASSWORD_LENGTH) {
            errors.add(new Problem.FieldError("newPassword", "Use at least " + MIN_PASSWORD_LENGTH + " characters."));
        } else if (next.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            errors.add(new Problem.FieldError("newPassword", "Use at most 72 bytes: 72 plain letters or digits, fewer with "
                    + "accented or other non-ASCII characters (bcrypt reads no further)."));
        } else if (next.equals(current)) {
            errors.add(new Problem.FieldError("newPassword", "Choose a password different from the current one."));
        } else if (next.toLowerCase(Locale.ROOT).contains(a.username.toLowerCase(Locale.ROOT))) {
            errors.add(new Problem.FieldError("newPassword", "Do not use your username in the password."));
        }
        if (next != null && !next.isEmpty() && repeat != null && !repeat.equals(next)) {
            errors.add(new Problem.FieldError("repeatPassword", "The two new passwords differ."));
        }
        ProblemException.throwIfAny(errors);
        a.passwordHash = BcryptUtil.bcryptHash(next, config.admin().bcryptCost());
        a.mustChangePassword = false;
        a.passwordChangedAt = clock.instant();
        audit.recordAs(a.username, "account.password-changed", null, "");
    }

    /** @return the account's tokens, newest first */
    @Transactional
    public List<TokenView> tokens(long accountId) {
        return ApiToken.ofAccount(accountId).stream()
                .map(t -> new TokenView(t.id, t.name, t.createdAt, t.lastUsedAt, t.revokedAt)).toList();
    }

    /**
     * Creates a personal API token; the token is in the answer and nowhere else.
     *
     * @throws ProblemException 400 naming {@code name}
     */
    @Transactional
    public NewToken createToken(long accountId, String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw ProblemException.badField("name", "Name the token (up to 100 characters), e.g. \"nightly export\".");
        }
        StorableText.refuseNul("name", name);
        Account a = find(accountId);
        String token = API_TOKEN_PREFIX + tokens.newToken();
        ApiToken t = new ApiToken();
        t.account = a;
        t.name = name.strip();
        t.tokenHash = TokenGenerator.hash(token);
        t.createdAt = clock.instant();
        t.persist();
        audit.recordAs(a.username, "api-token.created", null, "\"" + t.name + "\"");
        return new NewToken(t.id, t.name, token);
    }

    /**
     * Revokes one of the caller's tokens.
     *
     * @throws ProblemException 404 when the caller has no such token
     */
    @Transactional
    public void revokeToken(long accountId, long tokenId) {
        ApiToken t = ApiToken.findById(tokenId);
        if (t == null || t.account.id != accountId) {
            throw ProblemException.notFound("API token " + tokenId);
        }
        if (t.revokedAt == null) {
            t.revokedAt = clock.instant();
            audit.recordAs(t.account.username, "api-token.revoked", null, "\"" + t.name + "\"");
        }
    }

    /** @return the account's view */
    @Transactional
    public AccountView get(long id) {
        return view(find(id));
    }

    private Account newAccount(String username, String displayName, String email, Account.Kind kind, String password,
            boolean mustChange) {
        Account a = new Account();
        a.username = username;
        a.displayName = displayName;
        a.email = email;
        a.role = kind;
        a.enabled = true;
        a.mustChangePassword = mustChange;
        a.passwordHash = BcryptUtil.bcryptHash(password, config.admin().bcryptCost());
        a.createdAt = clock.instant();
        a.passwordChangedAt = a.createdAt;
        a.persist();
        return a;
    }

    /** A generated password: 24 characters of URL-safe Base64 (144 bits). */
    private String generatedPassword() {
        return tokens.newToken().substring(0, 24);
    }

    private static Account find(long id) {
        Account a = Account.findById(id);
        if (a == null) {
            throw ProblemException.notFound("Account " + id);
        }
        return a;
    }

    static AccountView view(Account a) {
        return new AccountView(a.id, a.username, a.displayName, a.email, a.role.name(), a.enabled, a.mustChangePassword,
                a.lockedUntil, a.createdAt);
    }
}
