resource "aws_s3_bucket" "typo" {
  region = "eu-centrl-1"
  bucket = "typo"
}
