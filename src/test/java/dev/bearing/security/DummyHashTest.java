package dev.bearing.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;

/**
 * The hash checked for an unknown username is written out in {@link AccountService}; it must
 * stay a real bcrypt hash of the same cost as account passwords, or a wrong username would
 * answer faster than a wrong password (and reveal which usernames exist).
 */
class DummyHashTest {

    @Test
    void theDummyHashIsABcryptHashOfTheAccountCost() {
        assertTrue(AccountService.DUMMY_HASH.startsWith("$2a$" + AccountService.BCRYPT_COST + "$"),
                AccountService.DUMMY_HASH);
        assertTrue(BcryptUtil.matches("no account has this password", AccountService.DUMMY_HASH));
        assertFalse(BcryptUtil.matches("not-the-password", AccountService.DUMMY_HASH));
    }
}
