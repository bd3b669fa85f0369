"""A local AWS for trying Bearing's provisioning without an account: moto's server (moto 5.2)
with four gaps of its CloudFormation emulation closed, so that the stacks Bearing composes run
end to end in it. Each fix makes moto do what AWS does; none changes what Bearing sends.

1. AWS::KMS::Key: moto hands the template's tags (Key/Value) to its KMS API model, which expects
   TagKey/TagValue, and fails with KeyError 'TagKey' (an HTTP 500 from ExecuteChangeSet).
2. AWS::CloudWatch::Alarm and ::Dashboard: moto's CloudFormation does not know these types, so a
   template that refers to one (a dashboard's ${Alarm.Arn}, an output's ${Dashboard}) is refused
   or loses its outputs. Here they are created through moto's own CloudWatch model
   (PutMetricAlarm, PutDashboard), so DescribeAlarms and ListDashboards list them.
3. AWS::SecretsManager::Secret: likewise unknown to moto's CloudFormation, so the secret was
   skipped; here it is created with CreateSecret, with a generated value when the template asks.
4. Outputs: moto works out a stack's outputs from the template the stack had when it was created,
   empty for a stack made from a change set, so such a stack has none. Here they are worked out
   again once the change set has been executed, as AWS reports them (leaving out those that name
   a resource moto does not create).

Usage: local_aws.py [moto_server options], e.g. -H 127.0.0.1 -p 5000 (run by src/main/launcher/local-aws).
"""
import json
import sys

from moto.cloudformation import models as cloudformation
from moto.cloudformation.exceptions import ValidationError
from moto.cloudformation.parsing import OutputMap
from moto.cloudwatch.models import cloudwatch_backends
from moto.core.common_models import CloudFormationModel
from moto.kms import models as kms
from moto.secretsmanager.models import secretsmanager_backends

_create_key = kms.Key.create_from_cloudformation_json.__func__


def _create_key_with_template_tags(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = cloudformation_json.get("Properties", {})
    if properties.get("Tags"):
        tags = [{"TagKey": t["Key"], "TagValue": t["Value"]} for t in properties["Tags"]]
        cloudformation_json = dict(cloudformation_json, Properties=dict(properties, Tags=tags))
    return _create_key(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)


kms.Key.create_from_cloudformation_json = classmethod(_create_key_with_template_tags)


class TemplateAlarm(CloudFormationModel):
    """AWS::CloudWatch::Alarm from a template, kept in moto's CloudWatch model."""

    __module__ = "moto.cloudwatch.local_aws"  # moto files each model under its service's name

    def __init__(self, alarm):
        self.alarm = alarm

    @staticmethod
    def cloudformation_type():
        return "AWS::CloudWatch::Alarm"

    @staticmethod
    def cloudformation_name_type():
        return "AlarmName"

    @property
    def physical_resource_id(self):
        return self.alarm.name

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr == "Arn"

    def get_cfn_attribute(self, attribute_name):
        return self.alarm.alarm_arn

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        alarm = cloudwatch_backends[account_id][region_name].put_metric_alarm(
            name=p.get("AlarmName") or resource_name,
            namespace=p.get("Namespace"),
            metric_name=p.get("MetricName"),
            comparison_operator=p["ComparisonOperator"],
            evaluation_periods=int(p["EvaluationPeriods"]),
            period=int(p["Period"]) if "Period" in p else None,
            threshold=float(p["Threshold"]) if "Threshold" in p else None,
            statistic=p.get("Statistic"),
            description=p.get("AlarmDescription"),
            dimensions=[{"name": d["Name"], "value": d["Value"]} for d in p.get("Dimensions", [])],
            alarm_actions=p.get("AlarmActions", []),
            ok_actions=p.get("OKActions", []),
            insufficient_data_actions=p.get("InsufficientDataActions", []),
            datapoints_to_alarm=int(p["DatapointsToAlarm"]) if "DatapointsToAlarm" in p else None,
            treat_missing_data=p.get("TreatMissingData"),
            tags=p.get("Tags", []),
        )
        return cls(alarm)

    def delete(self, account_id, region_name):
        cloudwatch_backends[account_id][region_name].delete_alarms([self.alarm.name])


class TemplateDashboard(CloudFormationModel):
    """AWS::CloudWatch::Dashboard from a template, kept in moto's CloudWatch model."""

    __module__ = "moto.cloudwatch.local_aws"

    def __init__(self, dashboard):
        self.dashboard = dashboard

    @staticmethod
    def cloudformation_type():
        return "AWS::CloudWatch::Dashboard"

    @staticmethod
    def cloudformation_name_type():
        return "DashboardName"

    @property
    def physical_resource_id(self):
        return self.dashboard.name

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        name = p.get("DashboardName") or resource_name
        return cls(cloudwatch_backends[account_id][region_name].put_dashboard(name, p["DashboardBody"]))

    def delete(self, account_id, region_name):
        cloudwatch_backends[account_id][region_name].delete_dashboards([self.dashboard.name])


class TemplateSecret(CloudFormationModel):
    """AWS::SecretsManager::Secret from a template, kept in moto's Secrets Manager model, with a
    generated value when the template asks for one (GenerateSecretString)."""

    __module__ = "moto.secretsmanager.local_aws"

    def __init__(self, arn, name):
        self.arn = arn
        self.name = name

    @staticmethod
    def cloudformation_type():
        return "AWS::SecretsManager::Secret"

    @staticmethod
    def cloudformation_name_type():
        return "Name"

    @property
    def physical_resource_id(self):
        return self.arn  # Ref gives the secret's ARN, as on AWS

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr == "Id"

    def get_cfn_attribute(self, attribute_name):
        return self.arn

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = secretsmanager_backends[account_id][region_name]
        value = p.get("SecretString")
        generate = p.get("GenerateSecretString")
        if value is None and generate is not None:
            value = backend.get_random_password(
                password_length=int(generate.get("PasswordLength", 32)),
                exclude_characters=generate.get("ExcludeCharacters", ""),
                exclude_numbers=bool(generate.get("ExcludeNumbers", False)),
                exclude_punctuation=bool(generate.get("ExcludePunctuation", False)),
                exclude_uppercase=bool(generate.get("ExcludeUppercase", False)),
                exclude_lowercase=bool(generate.get("ExcludeLowercase", False)),
                include_space=bool(generate.get("IncludeSpace", False)),
                require_each_included_type=bool(generate.get("RequireEachIncludedType", True)),
            )
            value = json.loads(value)["RandomPassword"]
        name = p.get("Name") or resource_name
        created = json.loads(backend.create_secret(
            name=name, secret_string=value, secret_binary=None, description=p.get("Description"),
            tags=p.get("Tags", []), kms_key_id=p.get("KmsKeyId"), client_request_token=None,
            replica_regions=[], force_overwrite=False))
        return cls(created["ARN"], name)

    def delete(self, account_id, region_name):
        secretsmanager_backends[account_id][region_name].delete_secret(self.arn, None, True)


class ResolvableOutputs(OutputMap):
    """The outputs moto can work out; one that names a resource moto does not create (say, a
    Managed Prometheus workspace's URL) is left out instead of failing DescribeStacks."""

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except ValidationError:
            return None


_execute_change_set = cloudformation.CloudFormationBackend.execute_change_set


def _execute_change_set_with_outputs(self, change_set_name, stack_name=None):
    _execute_change_set(self, change_set_name, stack_name)
    change_set = self.change_sets.get(change_set_name) or next(
        c for c in self.change_sets.values() if c.change_set_name == change_set_name)
    stack = self.stacks[change_set.stack_id]
    stack._parse_template()  # the change set's template, given to the stack just now
    stack.output_map = ResolvableOutputs(stack.resource_map, stack.template_dict, stack.stack_id)


cloudformation.CloudFormationBackend.execute_change_set = _execute_change_set_with_outputs

if __name__ == "__main__":
    from moto.server import main

    sys.exit(main(sys.argv[1:]))
