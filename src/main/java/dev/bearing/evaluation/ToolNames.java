package dev.bearing.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Splits what a respondent typed under "Something else" into tool names. */
final class ToolNames {

    private ToolNames() {
    }

    /**
     * @param typed free text such as "Bitbucket Server, Nagios and ServiceNow"
     * @return the names in order, trimmed, without empty ones or trailing punctuation; commas,
     *     semicolons, line breaks, " and ", " & " and " + " separate names, except inside brackets
     *     ("Firebase (Cloud Functions, Firestore)" is one name)
     */
    static List<String> split(String typed) {
        List<String> out = new ArrayList<>();
        for (String part : typed.split("(?:[,;\\n]+|\\s+(?:and|&|\\+)\\s+)(?![^(]*\\))")) {
            String name = part.strip().replaceAll("^[\\-*•]+\\s*|[.!?:]+$", "").strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }
}
