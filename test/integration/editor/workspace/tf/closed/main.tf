# Never opened by the tests: its diagnostics come from the workspace scan.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "archive" {
  bucket = "archive"
}
