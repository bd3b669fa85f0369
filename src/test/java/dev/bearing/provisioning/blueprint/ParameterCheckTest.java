package dev.bearing.provisioning.blueprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parameter values of the Jenkins blueprint checked without cfn-lint or AWS: network ranges
 * beyond IPv4 (an octet over 255, a prefix over 32) and a lone subnet where two Availability
 * Zones are needed are refused in plain words, never with the template's pattern.
 */
class ParameterCheckTest {

    static final Map<String, String> GOOD = Map.of(
            "PublicSubnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1",
            "PrivateSubnetIds", "subnet-0123456789abcdef2, subnet-0123456789abcdef3",
            "AllowedCidr", "203.0.113.0/24",
            "CertificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000",
            "GitProvider", "GitHub",
            "NamePrefix", "northwind");

    static List<ParameterCheck.Refusal> check(Map<String, String> changed) throws Exception {
        Map<String, String> values = new HashMap<>(GOOD);
        values.putAll(changed);
        return ParameterCheck.check(Files.readString(Path.of("rules/blueprints/jenkins-controller.yaml")), values);
    }

    @Test
    void goodValuesPass() throws Exception {
        assertEquals(List.of(), check(Map.of()));
        assertEquals(List.of(), check(Map.of("AllowedCidr", "0.0.0.0/0")));
        assertEquals(List.of(), check(Map.of("AllowedCidr", "255.255.255.255/32")));
    }

    @Test
    void aNetworkRangeBeyondIpv4IsRefusedInPlainWords() throws Exception {
        for (String bad : List.of("999.1.1.1/32", "10.0.0.256/8", "10.0.0.0/33", "10.0.0.0/99", "10.0.0/8", "10.0.0.0")) {
            List<ParameterCheck.Refusal> r = check(Map.of("AllowedCidr", bad));
            assertEquals(1, r.size(), bad + ": " + r);
            assertEquals("AllowedCidr", r.get(0).key());
            assertTrue(r.get(0).message().startsWith("give an IPv4 range such as 203.0.113.0/24"), r.get(0).message());
        }
    }

    @Test
    void aLeadingZeroInANetworkRangeIsRefusedAsAmbiguous() throws Exception {
        assertEquals(List.of(new ParameterCheck.Refusal("AllowedCidr", "give an IPv4 range such as 203.0.113.0/24 with no"
                + " leading zeros (some programs read 010 as 10, others as the octal 8); not allowed here: 010")),
                check(Map.of("AllowedCidr", "010.0.0.0/8")));
        assertEquals(List.of(new ParameterCheck.Refusal("AllowedCidr", "give an IPv4 range such as 203.0.113.0/24 with no"
                + " leading zeros (some programs read 010 as 10, others as the octal 8); not allowed here: 00, 001, /08")),
                check(Map.of("AllowedCidr", "10.00.001.0/08")));
        assertEquals(List.of(), check(Map.of("AllowedCidr", "10.0.100.0/20")), "a zero alone, or inside a number, is fine");
    }

    @Test
    void oneSubnetWhereTwoAreNeededIsRefused() throws Exception {
        assertEquals(List.of(new ParameterCheck.Refusal("PublicSubnetIds", "give two subnets in different Availability Zones,"
                + " as subnet IDs separated by a comma (e.g. subnet-0123456789abcdef0,subnet-0fedcba9876543210); only one was given")),
                check(Map.of("PublicSubnetIds", "subnet-0123456789abcdef0")));
        assertEquals(1, check(Map.of("PrivateSubnetIds", "subnet-0123456789abcdef2,subnet-0123456789abcdef2")).size(),
                "the same subnet twice is one subnet");
        List<ParameterCheck.Refusal> notIds = check(Map.of("PublicSubnetIds", "10.0.1.0/24,10.0.2.0/24"));
        assertTrue(notIds.get(0).message().contains("not a subnet ID: 10.0.1.0/24, 10.0.2.0/24"), notIds.toString());
    }

    @Test
    void anEmptyEntryOrASubnetGivenTwiceIsRefusedBeforeAws() throws Exception {
        for (String bad : List.of("subnet-0123456789abcdef0,,subnet-0123456789abcdef1",
                "subnet-0123456789abcdef0,subnet-0123456789abcdef1,", ",subnet-0123456789abcdef0,subnet-0123456789abcdef1")) {
            assertEquals(List.of(new ParameterCheck.Refusal("PublicSubnetIds", "give subnet IDs separated by commas, with no"
                    + " empty entry between, before or after them (e.g. subnet-0123456789abcdef0,subnet-0fedcba9876543210)")),
                    check(Map.of("PublicSubnetIds", bad)), bad);
        }
        assertEquals(List.of(new ParameterCheck.Refusal("PublicSubnetIds",
                "give each subnet once; given more than once: subnet-0123456789abcdef0")),
                check(Map.of("PublicSubnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1, subnet-0123456789abcdef0")));
    }

    @Test
    void otherPatternsAndAllowedValuesSayWhatIsExpected() throws Exception {
        List<ParameterCheck.Refusal> r = check(Map.of("CertificateArn", "my-cert", "GitProvider", "Gitea"));
        assertEquals(List.of(new ParameterCheck.Refusal("CertificateArn", ParameterCheck.EXPECTED.get("CertificateArn")),
                new ParameterCheck.Refusal("GitProvider", "choose one of GitHub, GitLab or Bitbucket")), r);
        assertFalse(r.toString().contains("^"), "no regular expression");
    }
}
