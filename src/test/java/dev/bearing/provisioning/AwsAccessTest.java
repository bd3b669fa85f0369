package dev.bearing.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings check that runs before any AWS call: each missing or malformed setting is named. */
class AwsAccessTest {

    private static AwsTarget target(String region, String role, String externalId, String account) {
        AwsTarget t = new AwsTarget();
        t.region = region;
        t.roleArn = role;
        t.externalId = externalId;
        t.accountId = account;
        return t;
    }

    private static List<String> fields(Runnable check) {
        ProblemException e = assertThrows(ProblemException.class, check::run);
        assertEquals(400, e.status());
        return e.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void missingRegionIsNamedWithTheEnvironmentVariable() {
        ProblemException e = assertThrows(ProblemException.class, () -> AwsAccess.check(null, Optional.empty(), false));
        assertEquals("region", e.field());
        assertTrue(e.fieldMessage().contains("BEARING_PROVISIONING_REGION"), e.fieldMessage());
    }

    @Test
    void theDeploymentsRegionIsUsedWhenTheOrganisationNamesNone() {
        assertEquals("eu-central-1", AwsAccess.check(target(null, null, null, null), Optional.of("eu-central-1"), false).region());
        assertEquals("eu-west-1", AwsAccess.check(target("eu-west-1", null, null, null), Optional.of("eu-central-1"), false).region());
    }

    @Test
    void aRequiredRoleIsNamedWhenMissingWithTheExternalIdItNeeds() {
        assertEquals(List.of("roleArn", "externalId"), fields(() -> AwsAccess.check(target("eu-west-1", null, null, null), Optional.empty(), true)));
    }

    @Test
    void aRoleNeedsItsExternalId() {
        assertEquals(List.of("externalId"), fields(() -> AwsAccess.check(
                target("eu-west-1", "arn:aws:iam::111122223333:role/BearingProvisioner", null, null), Optional.empty(), false)));
    }

    @Test
    void malformedValuesAreNamed() {
        assertEquals(List.of("region", "roleArn", "accountId"), fields(() -> AwsAccess.check(
                target("Ireland", "BearingProvisioner", "x-123", "1234"), Optional.empty(), false)));
        assertEquals(List.of("roleArn"), fields(() -> AwsAccess.check(
                target("eu-west-1", "arn:aws:iam::111122223333:role/BearingProvisioner", "ext-123", "444455556666"),
                Optional.empty(), false)));
    }

    @Test
    void aCompleteTargetPasses() {
        AwsAccess.Target t = AwsAccess.check(target("eu-west-1", "arn:aws:iam::111122223333:role/BearingProvisioner", "ext-123",
                "111122223333"), Optional.empty(), true);
        assertEquals("arn:aws:iam::111122223333:role/BearingProvisioner", t.roleArn());
        assertEquals("ext-123", t.externalId());
    }

    @Test
    void aRequiredRoleIsNamedWithItsExternalIdAndTheRegion() {
        // BEARING_PROVISIONING_REQUIRE_ROLE=true, nothing saved: every missing setting at once
        assertEquals(List.of("region", "roleArn", "externalId"), fields(() -> AwsAccess.check(null, Optional.empty(), true)));
    }
}
