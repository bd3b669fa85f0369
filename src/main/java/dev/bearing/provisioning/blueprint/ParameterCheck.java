package dev.bearing.provisioning.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks parameter values against a template's parameter definitions, with no process and no AWS
 * call (microseconds), so a bad value is refused before cfn-lint runs or anything reaches AWS.
 * Each refusal says in plain words what is expected, never the template's regular expression:
 * <ul>
 * <li>a network range (a parameter whose name ends in {@code Cidr} or {@code CidrIp}): an IPv4
 * range whose four numbers are 0–255 and whose prefix length is 0–32 (a template's
 * {@code AllowedPattern} often lets {@code 999.1.1.1/32} through), each written without a leading
 * zero ({@code 010.0.0.0/8} is 10.0.0.0/8 to some programs and 8.0.0.0/8 to those that read a
 * leading zero as octal, and AWS refuses it);</li>
 * <li>a {@code List<AWS::EC2::Subnet::Id>}: at least two different subnet IDs, as Bearing's
 * blueprints spread across two Availability Zones (whether the zones differ only AWS can tell);</li>
 * <li>{@code AllowedValues}: one of them, listed;</li>
 * <li>{@code AllowedPattern}: the parameter's {@code ConstraintDescription} when the template
 * gives one, else Bearing's wording for the blueprints' parameters ({@link #EXPECTED}).</li>
 * </ul>
 * Missing values are not this class's concern (the plan names them first; {@link CfnLint} too).
 */
public final class ParameterCheck {

    private static final Pattern CIDR_NAME = Pattern.compile(".*Cidr(Ip)?");
    private static final Pattern IPV4_RANGE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final String SUBNET_LIST = "List<AWS::EC2::Subnet::Id>";
    private static final String CIDR_EXPECTED = "give an IPv4 range such as 203.0.113.0/24 (four numbers from 0 to 255,"
            + " then / and a prefix length from 0 to 32)";
    private static final String LEADING_ZERO = "give an IPv4 range such as 203.0.113.0/24 with no leading zeros"
            + " (some programs read 010 as 10, others as the octal 8); not allowed here: ";

    /**
     * What a value of each blueprint parameter with an {@code AllowedPattern} looks like, in plain
     * words, used when the template has no {@code ConstraintDescription}. Parameter names mean
     * the same in every blueprint (see {@code rules/blueprints/index.yaml}).
     */
    static final Map<String, String> EXPECTED = Map.of(
            "NamePrefix", "give 2 to 20 lower-case letters, digits and hyphens, starting with a letter",
            "CertificateArn", "give the ARN of an AWS Certificate Manager certificate, such as "
                    + "arn:aws:acm:eu-west-1:123456789012:certificate/…",
            "RepositoryId", "give the repository as owner/name, such as example/shop",
            "ImageRepositoryName", "give lower-case letters and digits, with single . _ or - between them and / between"
                    + " parts, such as team/app",
            "AlertEmail", "give one e-mail address, such as ops@example.com");

    private ParameterCheck() {
    }

    /**
     * One refused value.
     *
     * @param key parameter name
     * @param message what is expected, in plain words, without the parameter's name or label
     *     (e.g. "give an IPv4 range such as 203.0.113.0/24 (…)")
     */
    public record Refusal(String key, String message) {
    }

    /**
     * @param templateBody a composed template (YAML), as {@link ComposedStack#templateBody()}
     * @param values parameter values by name
     * @return as {@link #check(Map, Map)}
     */
    public static List<Refusal> check(String templateBody, Map<String, String> values) {
        return check(Composition.parse(templateBody), values);
    }

    /**
     * @param template the parsed template (its {@code Parameters} section is read)
     * @param values parameter values by name; a null value is skipped, an empty one is checked
     *     only against {@code AllowedValues}
     * @return one refusal per faulty value (a parameter may have two), in template order
     */
    @SuppressWarnings("unchecked")
    public static List<Refusal> check(Map<String, Object> template, Map<String, String> values) {
        List<Refusal> out = new ArrayList<>();
        Map<String, Object> params = TemplateMerge.section(template, "Parameters");
        params.forEach((key, def) -> {
            Map<String, Object> d = def instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            String value = values == null ? null : values.get(key);
            if (value == null) {
                return;
            }
            if (!value.isBlank() && SUBNET_LIST.equals(String.valueOf(d.get("Type")))) {
                subnets(value).ifPresent(m -> out.add(new Refusal(key, m)));
                return;
            }
            if (!value.isBlank() && CIDR_NAME.matcher(key).matches()) {
                List<String> zeros = isIpv4Range(value) ? leadingZeros(value) : null;
                if (zeros == null) {
                    out.add(new Refusal(key, CIDR_EXPECTED));
                } else if (!zeros.isEmpty()) {
                    out.add(new Refusal(key, LEADING_ZERO + String.join(", ", zeros)));
                }
                return; // the range check is stricter than any pattern: one message, not two
            }
            if (d.get("AllowedValues") instanceof List<?> allowed
                    && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
                out.add(new Refusal(key, "choose one of " + inWords(allowed.stream().map(String::valueOf).toList())));
            }
            if (d.get("AllowedPattern") instanceof String pattern && !value.isEmpty() && !Pattern.compile(pattern).matcher(value).matches()) {
                Object described = d.get("ConstraintDescription");
                out.add(new Refusal(key, described instanceof String s && !s.isBlank() ? s
                        : EXPECTED.getOrDefault(key, "give a value of the form this blueprint expects")));
            }
        });
        return out;
    }

    /** @return true for {@code a.b.c.d/n} with each number 0–255 and n 0–32 */
    static boolean isIpv4Range(String value) {
        var m = IPV4_RANGE.matcher(value.strip());
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return Integer.parseInt(m.group(5)) <= 32;
    }

    /**
     * @param value an IPv4 range that {@link #isIpv4Range} accepts
     * @return its numbers (octets and prefix length) written with a leading zero ({@code 010},
     *     {@code 00}, {@code /08}), in order; empty when there is none
     */
    static List<String> leadingZeros(String value) {
        var m = IPV4_RANGE.matcher(value.strip());
        if (!m.matches()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String number = m.group(i);
            if (number.length() > 1 && number.charAt(0) == '0') {
                out.add(i == 5 ? "/" + number : number);
            }
        }
        return out;
    }

    private static java.util.Optional<String> subnets(String value) {
        List<String> items = java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> malformed = items.stream().filter(s -> !SUBNET_ID.matcher(s).matches()).toList();
        if (!malformed.isEmpty()) {
            return java.util.Optional.of("give subnet IDs such as subnet-0123456789abcdef0, separated by commas; not a subnet ID: "
                    + String.join(", ", malformed));
        }
        // CloudFormation sends the list as typed: an empty entry ("a,,b", "a,b,") or a subnet given
        // twice (a load balancer takes one subnet per zone) fails only at AWS, after the change set
        if (!items.isEmpty() && items.size() != value.split(",", -1).length) {
            return java.util.Optional.of("give subnet IDs separated by commas, with no empty entry between, before or after"
                    + " them (e.g. subnet-0123456789abcdef0,subnet-0fedcba9876543210)");
        }
        Set<String> distinct = new LinkedHashSet<>(items);
        if (distinct.size() >= 2 && distinct.size() < items.size()) {
            List<String> twice = distinct.stream().filter(id -> items.indexOf(id) != items.lastIndexOf(id)).toList();
            return java.util.Optional.of("give each subnet once; given more than once: " + String.join(", ", twice));
        }
        if (distinct.size() < 2) {
            return java.util.Optional.of("give two subnets in different Availability Zones, as subnet IDs separated by a comma"
                    + " (e.g. subnet-0123456789abcdef0,subnet-0fedcba9876543210); "
                    + (distinct.size() == 1 ? "only one was given" : "none was given"));
        }
        return java.util.Optional.empty();
    }

    private static String inWords(List<String> items) {
        return items.size() == 1 ? items.get(0) : items.subList(0, items.size() - 1).stream()
                .collect(Collectors.joining(", ")) + " or " + items.get(items.size() - 1);
    }
}
