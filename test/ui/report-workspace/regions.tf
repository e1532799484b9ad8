provider "aws" {
  alias  = "paris"
  region = "eu-west-3"
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_db_instance" "customers" {
  provider = aws.paris
  engine   = "postgres"
}

resource "aws_s3_bucket" "archive" {
  provider = aws.virginia
  bucket   = "archive"
}

variable "replica_region" {
  type = string
}

resource "aws_s3_bucket" "replica" {
  region = var.replica_region
  bucket = "replica"
}
