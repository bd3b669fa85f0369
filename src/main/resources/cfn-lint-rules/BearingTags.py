"""
Bearing's tagging check, run inside cfn-lint (--append-rules): every resource whose CloudFormation
schema says it is taggable carries both tags BearingAssessment and BearingVersion, so anything
Bearing creates in a client's account can be traced to the assessment and version behind it.
Which types are taggable, and under which property, comes from cfn-lint's own resource schemas.
"""

from cfnlint.rules import CloudFormationLintRule, RuleMatch
from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

REQUIRED = ("BearingAssessment", "BearingVersion")


class BearingTags(CloudFormationLintRule):
    id = "E9101"
    shortdesc = "Taggable resources carry the Bearing tags"
    description = "Every taggable resource is tagged with BearingAssessment and BearingVersion"
    source_url = "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html"
    tags = ["resources", "tags", "bearing"]

    def match(self, cfn):
        matches = []
        region = cfn.regions[0] if cfn.regions else "us-east-1"
        for name, resource in cfn.get_resources().items():
            rtype = resource.get("Type")
            if not isinstance(rtype, str) or not rtype.startswith("AWS::"):
                continue
            try:
                schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema(region, rtype).schema
            except Exception:  # unknown type: cfn-lint's own rules report it
                continue
            tagging = schema.get("tagging") or {}
            if not tagging.get("taggable"):
                continue
            prop = (tagging.get("tagProperty") or "/properties/Tags").split("/")[-1]
            properties = resource.get("Properties") or {}
            present = self._keys(properties.get(prop))
            missing = [k for k in REQUIRED if k not in present]
            if missing:
                matches.append(RuleMatch(
                    ["Resources", name, "Properties"],
                    f"{name} ({rtype}) is taggable but lacks the tag(s) {', '.join(missing)} in {prop}"))
        return matches

    @staticmethod
    def _keys(tags):
        if isinstance(tags, dict):
            return set(str(k) for k in tags.keys())
        if isinstance(tags, list):
            return set(str(t.get("Key")) for t in tags if isinstance(t, dict))
        return set()
