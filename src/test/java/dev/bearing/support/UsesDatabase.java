package dev.bearing.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers {@link DatabaseTestResource} for every Quarkus test in the module (a test resource
 * declared on any class applies to all of them).
 */
@QuarkusTestResource(DatabaseTestResource.class)
public final class UsesDatabase {

    private UsesDatabase() {
    }
}
