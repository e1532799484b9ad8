/**
 * The IAM service prefix (`s3`, `rds`, `ec2`) whose API creates an AWS resource type, so that a service
 * control policy's `NotAction` exemptions (`iam:*`, `cloudfront:*`) and `Action` lists apply to the
 * right resources. Terraform types not listed take the word after `aws_` (`aws_sqs_queue` → `sqs`),
 * which is the prefix for most services.
 */
const BY_TYPE_PREFIX: Array<[string, string]> = [
  ['aws_db_', 'rds'],
  ['aws_rds_', 'rds'],
  ['aws_docdb_', 'rds'],
  ['aws_neptune_', 'rds'],
  ['aws_instance', 'ec2'],
  ['aws_ebs_', 'ec2'],
  ['aws_ami', 'ec2'],
  ['aws_vpc', 'ec2'],
  ['aws_subnet', 'ec2'],
  ['aws_security_group', 'ec2'],
  ['aws_launch_template', 'ec2'],
  ['aws_nat_gateway', 'ec2'],
  ['aws_internet_gateway', 'ec2'],
  ['aws_eip', 'ec2'],
  ['aws_route_table', 'ec2'],
  ['aws_network_interface', 'ec2'],
  ['aws_key_pair', 'ec2'],
  ['aws_lb', 'elasticloadbalancing'],
  ['aws_alb', 'elasticloadbalancing'],
  ['aws_elb', 'elasticloadbalancing'],
  ['aws_autoscaling_', 'autoscaling'],
  ['aws_cloudwatch_log_', 'logs'],
  ['aws_cloudwatch_event_', 'events'],
  ['aws_cloudwatch_', 'cloudwatch'],
  ['aws_efs_', 'elasticfilesystem'],
  ['aws_elasticsearch_', 'es'],
  ['aws_opensearch_', 'es'],
  ['aws_api_gateway_', 'apigateway'],
  ['aws_apigatewayv2_', 'apigateway'],
  ['aws_cognito_identity_pool', 'cognito-identity'],
  ['aws_cognito_', 'cognito-idp'],
  ['aws_msk_', 'kafka'],
  ['aws_kinesis_firehose_', 'firehose'],
  ['aws_elasticache_', 'elasticache'],
  ['aws_memorydb_', 'memorydb'],
  ['aws_s3control_', 's3'],
  ['aws_s3_', 's3'],
  ['aws_route53', 'route53'],
  ['aws_cloudfront_', 'cloudfront'],
  ['aws_iam_', 'iam'],
  ['aws_organizations_', 'organizations'],
  ['aws_wafv2_', 'wafv2'],
  ['aws_waf_', 'waf'],
  ['aws_shield_', 'shield'],
  ['aws_globalaccelerator_', 'globalaccelerator'],
  ['aws_sfn_', 'states'],
  ['aws_lambda_', 'lambda'],
  ['aws_secretsmanager_', 'secretsmanager'],
  ['aws_ssm_', 'ssm'],
  ['aws_ecr_', 'ecr'],
  ['aws_ecs_', 'ecs'],
  ['aws_eks_', 'eks'],
];

export function awsServiceOf(type: string): string {
  for (const [prefix, service] of BY_TYPE_PREFIX) {
    if (type.startsWith(prefix)) {
      return service;
    }
  }
  const m = /^aws_([a-z0-9]+)/.exec(type);
  return m ? m[1] : type;
}
