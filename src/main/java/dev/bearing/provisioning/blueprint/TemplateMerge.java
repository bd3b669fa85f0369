package dev.bearing.provisioning.blueprint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges blueprint templates (parsed long-form CloudFormation: maps, lists, strings) into one:
 * each blueprint's resources, conditions and outputs get its prefix, so two blueprints may use the
 * same logical id; parameters keep their names (the index guarantees a name means one thing);
 * shared resources appear once, unprefixed; a wired parameter becomes a {@code Ref} to the
 * supplying blueprint's resource and the condition that tested it disappears (always true).
 */
final class TemplateMerge {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> conditions = new LinkedHashMap<>();
    private final Map<String, Object> resources = new LinkedHashMap<>();
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final Set<String> shared;

    TemplateMerge(Set<String> shared) {
        this.shared = shared;
    }

    /**
     * Adds one blueprint's template.
     *
     * @param prefix prefix of its logical ids
     * @param template the parsed template
     * @param wiredParameters parameter name to the composed logical id whose {@code Ref} replaces it
     * @param wiredConditions conditions that become always true (their parameter is wired)
     */
    @SuppressWarnings("unchecked")
    void add(String prefix, Map<String, Object> template, Map<String, String> wiredParameters,
            Set<String> wiredConditions) {
        Map<String, Object> params = section(template, "Parameters");
        Map<String, Object> conds = section(template, "Conditions");
        Map<String, Object> res = section(template, "Resources");
        Map<String, Object> outs = section(template, "Outputs");
        Renames r = new Renames(new HashMap<>(), new HashMap<>(), wiredParameters, wiredConditions);
        res.keySet().forEach(k -> r.resources.put(k, shared.contains(k) ? k : prefix + k));
        conds.keySet().forEach(k -> r.conditions.put(k, prefix + k));

        params.forEach((k, v) -> {
            if (!wiredParameters.containsKey(k)) {
                parameters.putIfAbsent(k, v);
            }
        });
        conds.forEach((k, v) -> {
            if (!wiredConditions.contains(k)) {
                conditions.put(r.conditions.get(k), rewrite(v, r, Set.of()));
            }
        });
        res.forEach((k, v) -> {
            String name = r.resources.get(k);
            if (shared.contains(k) && resources.containsKey(k)) {
                if (!resources.get(k).equals(rewrite(v, r, Set.of()))) {
                    throw new IllegalStateException("Shared resource " + k + " differs between blueprints");
                }
                return;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                switch (e.getKey()) {
                    case "Condition" -> {
                        if (!wiredConditions.contains((String) e.getValue())) {
                            out.put("Condition", r.conditions.get((String) e.getValue()));
                        }
                    }
                    case "DependsOn" -> out.put("DependsOn", e.getValue() instanceof List<?> l
                            ? l.stream().map(d -> r.resource((String) d)).toList()
                            : r.resource((String) e.getValue()));
                    default -> out.put(e.getKey(), rewrite(e.getValue(), r, Set.of()));
                }
            }
            resources.put(name, out);
        });
        outs.forEach((k, v) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                if (e.getKey().equals("Condition")) {
                    if (!wiredConditions.contains((String) e.getValue())) {
                        out.put("Condition", r.conditions.get((String) e.getValue()));
                    }
                } else {
                    out.put(e.getKey(), rewrite(e.getValue(), r, Set.of()));
                }
            }
            outputs.put(prefix + k, out);
        });
    }

    /** @return the merged template, sections in CloudFormation's usual order */
    Map<String, Object> template(String description) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("AWSTemplateFormatVersion", "2010-09-09");
        t.put("Description", description);
        t.put("Parameters", parameters);
        if (!conditions.isEmpty()) {
            t.put("Conditions", conditions);
        }
        t.put("Resources", resources);
        if (!outputs.isEmpty()) {
            t.put("Outputs", outputs);
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> template, String name) {
        Object s = template.get(name);
        return s == null ? Map.of() : (Map<String, Object>) s;
    }

    /** Logical-id renames of one blueprint. */
    private record Renames(Map<String, String> resources, Map<String, String> conditions,
            Map<String, String> wiredParameters, Set<String> wiredConditions) {

        String ref(String name) {
            String wired = wiredParameters.get(name);
            if (wired != null) {
                return wired;
            }
            return resources.getOrDefault(name, name);
        }

        String resource(String name) {
            return resources.getOrDefault(name, name);
        }

        String condition(String name) {
            return conditions.getOrDefault(name, name);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object rewrite(Object node, Renames r, Set<String> subLocals) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> m = (Map<String, Object>) raw;
            if (m.size() == 1) {
                Map.Entry<String, Object> e = m.entrySet().iterator().next();
                Object v = e.getValue();
                switch (e.getKey()) {
                    case "Ref" -> {
                        return v instanceof String s ? single("Ref", r.ref(s)) : m;
                    }
                    case "Fn::GetAtt" -> {
                        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String n) {
                            List<Object> out = new ArrayList<>();
                            out.add(r.resource(n));
                            out.add(rewrite(l.get(1), r, subLocals));
                            return single("Fn::GetAtt", out);
                        }
                        if (v instanceof String s && s.contains(".")) {
                            int dot = s.indexOf('.');
                            return single("Fn::GetAtt", r.resource(s.substring(0, dot)) + s.substring(dot));
                        }
                        return m;
                    }
                    case "Fn::Sub" -> {
                        if (v instanceof String s) {
                            return single("Fn::Sub", sub(s, r, Set.of()));
                        }
                        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String s
                                && l.get(1) instanceof Map<?, ?> vars) {
                            Set<String> locals = ((Map<String, Object>) vars).keySet();
                            List<Object> out = new ArrayList<>();
                            out.add(sub(s, r, locals));
                            out.add(rewrite(vars, r, Set.of()));
                            return single("Fn::Sub", out);
                        }
                        return m;
                    }
                    case "Fn::If" -> {
                        if (v instanceof List<?> l && l.size() == 3 && l.get(0) instanceof String c) {
                            if (r.wiredConditions().contains(c)) {
                                return rewrite(l.get(1), r, subLocals);
                            }
                            List<Object> out = new ArrayList<>();
                            out.add(r.condition(c));
                            out.add(rewrite(l.get(1), r, subLocals));
                            out.add(rewrite(l.get(2), r, subLocals));
                            return single("Fn::If", out);
                        }
                        return m;
                    }
                    case "Condition" -> {
                        if (v instanceof String c) {
                            return single("Condition", r.condition(c));
                        }
                    }
                    default -> {
                        // an ordinary one-key map: rewritten below
                    }
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, rewrite(v, r, subLocals)));
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(x -> rewrite(x, r, subLocals)).toList();
        }
        return node;
    }

    private static String sub(String s, Renames r, Set<String> locals) {
        Matcher m = SUB_VARIABLE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String var = m.group(1);
            String replaced;
            if (locals.contains(var) || var.startsWith("AWS::")) {
                replaced = var;
            } else if (var.contains(".")) {
                int dot = var.indexOf('.');
                replaced = r.resource(var.substring(0, dot)) + var.substring(dot);
            } else {
                replaced = r.ref(var);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("${" + replaced + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }
}
