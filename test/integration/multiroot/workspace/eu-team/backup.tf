resource "aws_s3_bucket" "eu_backup" {
  region = "eu-north-1"
}
