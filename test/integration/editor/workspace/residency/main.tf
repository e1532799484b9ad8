provider "aws" {
  region = "eu-central-1"
}

provider "aws" {
  alias  = "london"
  region = "eu-west-2"
}

resource "aws_s3_bucket" "frankfurt" {
  bucket = "frankfurt"
}

resource "aws_s3_bucket" "london" {
  provider = aws.london
  bucket   = "london"
}
