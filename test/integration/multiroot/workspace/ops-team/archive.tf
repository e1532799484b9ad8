resource "aws_s3_bucket" "ops_archive" {
  region = "eu-west-3"
}
