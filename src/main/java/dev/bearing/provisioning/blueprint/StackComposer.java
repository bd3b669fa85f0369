package dev.bearing.provisioning.blueprint;

import dev.bearing.review.AssessmentVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * TEMPORARY minimal body (branch provisioning only; the lead drops this commit at merge): an S3
 * bucket and an ECR repository, tagged, so the provisioning run can be built and tested before
 * the blueprint work lands.
 */
@ApplicationScoped
public class StackComposer {

    public ComposedStack compose(AssessmentVersion version) {
        if (version.resultJson.contains("Hosting must stay on premises")) {
            return new ComposedStack(false, "The organisation's hosting must stay on premises, so nothing is provisioned on AWS.",
                    null, List.of(), List.of(), List.of(), null);
        }
        String tags = """
                      Tags:
                        - Key: bearing:assessment
                          Value: '%d'
                        - Key: bearing:version
                          Value: '%d'
                """.formatted(version.assessmentId, version.number);
        String template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Description: Bearing (temporary composer) artefact bucket and container registry
                Parameters:
                  NotificationEmail:
                    Type: String
                    Description: Address for alerts
                Resources:
                  ArtefactBucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      VersioningConfiguration:
                        Status: Enabled
                %s
                  ImageRepository:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryName: bearing-%d-images
                      ImageScanningConfiguration:
                        ScanOnPush: true
                %s
                Outputs:
                  ArtefactBucketName:
                    Value: !Ref ArtefactBucket
                  ArtefactBucketUrl:
                    Value: !Sub 'https://${ArtefactBucket}.s3.amazonaws.com'
                  ImageRepositoryUri:
                    Value: !GetAtt ImageRepository.RepositoryUri
                """.formatted(tags.stripTrailing(), version.assessmentId, tags.stripTrailing());
        return new ComposedStack(true, null, template,
                List.of(new ComposedStack.TemplateParameter("NotificationEmail", "Address for alerts", null, false)),
                List.of(new ComposedStack.BlueprintRef("artefact-store", "aws_ecr", "Amazon ECR and S3",
                        List.of("an S3 bucket", "an ECR repository"))),
                List.of(new ComposedStack.ManualStep("source_control", "github", "GitHub", "SaaS: nothing to provision")),
                new ComposedStack.CostEstimate("USD", 1.5, "eu-west-1", "2026-12-01",
                        List.of(new ComposedStack.CostLine("artefact-store", 1.5, List.of("10 GB stored")))));
    }
}
