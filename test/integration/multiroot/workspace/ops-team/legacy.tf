resource "aws_s3_bucket" "ops_legacy" {
  region = "eu-west-2"
}
