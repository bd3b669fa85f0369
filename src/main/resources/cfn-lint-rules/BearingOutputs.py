"""
Bearing's outputs check, run inside cfn-lint (--append-rules): every output has a Description.
After a deployment Bearing's run page shows each output's value with its description, which is
where a blueprint says what the value is for, or what the client must do next (confirm an
e-mail subscription, complete a Git connection).
"""

from cfnlint.rules import CloudFormationLintRule, RuleMatch


class BearingOutputs(CloudFormationLintRule):
    id = "E9102"
    shortdesc = "Outputs are described"
    description = "Every output has a Description, shown beside its value after a deployment"
    source_url = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html"
    tags = ["outputs", "bearing"]

    def match(self, cfn):
        matches = []
        outputs = cfn.template.get("Outputs") or {}
        if not isinstance(outputs, dict):
            return matches
        for name, output in outputs.items():
            text = output.get("Description") if isinstance(output, dict) else None
            if not isinstance(text, str) or not text.strip():
                matches.append(RuleMatch(["Outputs", name], f"Output {name} has no Description"))
        return matches
